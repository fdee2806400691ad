"""The demo site: the muscle-spasm page of the site this replaces, edited for clarity, two short
companion pages, and the pages that say who we are and how we work. Body blocks are (block type,
value) pairs."""

# The one place the site's name is written down: the demo Site and home page take it from here,
# and every page, feed, email and PDF reads it from the Site (Settings → Sites in the admin).
SITE_NAME = "Health Guide"

PEOPLE = {
    "author": {
        "name": "Alex Morgan",
        "credentials": "Health writer",
        "bio": "Alex writes our articles, turning medical guidance and research into plain English.",
    },
    "reviewer": {
        "name": "Dr Priya Shah",
        "credentials": "MBBS, MRCGP",
        "bio": "Priya is a general practitioner who checks every article against current clinical guidance before it is published.",
    },
}

TOPICS = [
    {
        "name": "Muscles, bones and joints",
        "slug": "muscles-bones-joints",
        "description": "Cramps, strains, stiffness and pain: what is usually harmless and when to get help.",
    },
    {
        "name": "Exercise and fitness",
        "slug": "exercise-fitness",
        "description": "Staying active safely, building strength and looking after your body when you train.",
    },
    {
        "name": "Back and spine",
        "slug": "back-spine",
        "description": "Back pain, posture and conditions of the spine, such as scoliosis.",
    },
]

TOPICS_PAGE = {
    "title": "Topics",
    "slug": "topics",
    "intro": "Browse our articles by subject.",
    "show_in_menus": True,
}

HOME_INTRO = "Clear, medically reviewed information about common health conditions."
INDEX = {
    "title": "Health A to Z",
    "slug": "health-a-z",
    "intro": "Conditions, symptoms and treatments, from A to Z.",
    "show_in_menus": True,
}

SCOLIOSIS = {
    "title": "How to get scoliosis? The Symptoms, Causes, Treatments, Complications",
    "slug": "scoliosis",
    "summary": "Scoliosis is a sideways curve of the spine. It often starts in childhood and is usually mild.",
    "condition_name": "Scoliosis",
    "topics": ["back-spine", "muscles-bones-joints"],
    "body": [
        ("section_heading", {"heading": "What is scoliosis?", "level": 2, "anchor": ""}),
        (
            "paragraph",
            "<p>Scoliosis is a sideways curve of the spine. It often starts in childhood or the teenage "
            "years and is usually mild. Many people with a mild curve need no treatment.</p>",
        ),
    ],
}

LOSE_FAT = {
    "title": "8 ways to effectively lose fat without losing muscle mass",
    "slug": "lose-fat-keep-muscle",
    "summary": "Eating enough protein and training for strength help you keep your muscles while you lose fat.",
    "condition_name": "",
    "topics": ["exercise-fitness"],
    "body": [
        ("section_heading", {"heading": "Keep your muscles while you lose fat", "level": 2, "anchor": ""}),
        (
            "paragraph",
            "<p>Eating enough protein and doing strength exercise helps you keep muscle while you lose "
            "fat. Aim to lose weight slowly, about half a kilogram to one kilogram a week.</p>",
        ),
    ],
}


def _numbered(*items):
    return ("list", {"style": "numbered", "items": [f"<p>{item}</p>" for item in items]})


MUSCLE_SPASM = {
    "title": "What is muscle spasm?",
    "slug": "muscle-spasm",
    "seo_title": "What is Muscle Spasm? Back, Legs, Neck, Treatment, Symptoms",
    "search_description": (
        "Muscle spasms (cramps) are sudden, painful tightening of a muscle. Learn the symptoms, causes, "
        "when to see a doctor, treatment and how to prevent them."
    ),
    "summary": (
        "A muscle spasm, or cramp, is a sudden tightening of a muscle that you cannot control. It can hurt a "
        "lot but is usually harmless. Here is what causes it, how to ease it and when to see a doctor."
    ),
    "condition_name": "Muscle spasm",
    "topics": ["muscles-bones-joints", "exercise-fitness"],
    "references": [
        {"title": "Leg cramps", "publisher": "NHS", "url": "https://www.nhs.uk/conditions/leg-cramps/"},
        {
            "title": "Muscle cramps",
            "publisher": "MedlinePlus",
            "url": "https://medlineplus.gov/musclecramps.html",
        },
        {
            "title": "Muscle cramp: symptoms and causes",
            "publisher": "Mayo Clinic",
            "url": "https://www.mayoclinic.org/diseases-conditions/muscle-cramp/symptoms-causes/syc-20350820",
        },
    ],
    "body": [
        ("section_heading", {"heading": "What is a muscle spasm?", "level": 2, "anchor": "definition"}),
        (
            "paragraph",
            "<p>A muscle spasm is a sudden tightening (contraction) of one or more muscles that you cannot "
            "control. If one has ever woken you at night, you know it can be very painful. Although it is "
            "usually harmless, a spasm can stop you moving the affected muscle for a while.</p>"
            "<p>Too much exercise or activity, especially in hot weather, can cause muscle spasms. So can "
            "some medicines and some medical conditions. You can usually treat a muscle spasm yourself at "
            "home.</p>",
        ),
        ("inset_text", {"text": "<p>Most muscle spasms stop on their own within a few minutes.</p>"}),
        ("section_heading", {"heading": "Symptoms", "level": 2, "anchor": ""}),
        (
            "paragraph",
            "<p>Muscle cramps most often affect the legs, especially the calf muscles. As well as sudden, "
            "sharp pain, you may feel a hard lump of muscle tissue under the skin while the cramp lasts.</p>",
        ),
        ("related_article", {"article": "scoliosis"}),
        ("section_heading", {"heading": "When to see a doctor", "level": 2, "anchor": ""}),
        (
            "paragraph",
            "<p>Muscle spasms usually go away on their own and are rarely serious enough to need medical "
            "treatment.</p>",
        ),
        # The warning signs and the doctor's questions come from the demo checklist (triage/demo.py).
        ("doctor_visit_checklist", {"checklist": "muscle-spasm", "show": "warning_signs"}),
        ("section_heading", {"heading": "Causes", "level": 2, "anchor": ""}),
        (
            "paragraph",
            "<p>Overusing a muscle, not drinking enough fluid (dehydration), muscle strain or staying in "
            "the same position for a long time can cause muscle spasms. In most cases, though, the exact "
            "cause is not known.</p><p>Most muscle spasms are harmless, but some can be linked to a "
            "medical condition, such as:</p>",
        ),
        _numbered(
            "<b>Poor blood supply.</b> Narrowed arteries that carry blood to the legs (arteriosclerosis of "
            "the extremities) can cause cramping pain in the legs and feet during exercise. The cramp usually "
            "stops soon after you stop exercising.",
            "<b>Nerve compression.</b> Pressure on the nerves in the spine (lumbar stenosis) can cause painful "
            "cramps in the legs. The pain usually gets worse the longer you walk. Walking slightly bent "
            "forward, as when pushing a shopping trolley, may ease or delay the symptoms.",
            "<b>Low minerals.</b> Too little potassium, calcium or magnesium in your diet can cause leg "
            "cramps. Diuretics (water tablets), which are often prescribed for high blood pressure, can also "
            "lower these minerals.",
        ),
        ("section_heading", {"heading": "Risk factors", "level": 2, "anchor": ""}),
        ("paragraph", "<p>These things can make muscle spasms more likely:</p>"),
        _numbered(
            "<b>Age.</b> We lose muscle as we get older, so the remaining muscle can be overworked more easily.",
            "<b>Dehydration.</b> Athletes who become tired and dehydrated in warm weather often get cramps.",
            "<b>Pregnancy.</b> Muscle cramps are more common during pregnancy.",
            "<b>Medical conditions.</b> You may be more likely to get cramps if you have diabetes, or a nerve, "
            "liver or thyroid condition.",
        ),
        ("related_article", {"article": "lose-fat-keep-muscle"}),
        ("section_heading", {"heading": "Preparing for your appointment", "level": 2, "anchor": ""}),
        (
            "paragraph",
            "<p>Make an appointment with your doctor if you often have severe muscle cramps that do not get "
            "better with the self-care steps below. Bring a list of your medicines and any other medical "
            "information.</p><p>Your doctor will ask questions to decide whether you need a test or a "
            "specialist. Thinking about your answers beforehand helps you make the most of the "
            "appointment.</p>",
        ),
        ("doctor_visit_checklist", {"checklist": "muscle-spasm", "show": "questions"}),
        ("section_heading", {"heading": "Treatment", "level": 2, "anchor": ""}),
        (
            "paragraph",
            "<p>Muscle spasms can usually be treated with self-care. Your doctor can show you stretching "
            "exercises that lower your chance of getting them. Drinking enough fluid helps too. For cramps "
            "that keep coming back and disturb your sleep, your doctor may prescribe a medicine to relax "
            "your muscles.</p>",
        ),
        ("section_heading", {"heading": "Alternative medicine", "level": 3, "anchor": ""}),
        (
            "paragraph",
            "<p>Some people take vitamin B complex supplements for leg cramps. There is not yet enough "
            "research to show that they work.</p>",
        ),
        (
            "section_heading",
            {"heading": "Lifestyle and home treatment", "level": 2, "anchor": "home-treatment"},
        ),
        ("paragraph", "<p>If you have a muscle spasm, these steps can ease it:</p>"),
        _numbered(
            "<b>Stretch and massage.</b> Stretch the cramped muscle and rub it gently to help it relax. For "
            "a calf cramp, put your weight on the cramped leg and bend your knee slightly. If you cannot "
            "stand, sit on the floor or a chair with your leg straight and pull the top of your foot towards "
            "your head. This also helps a cramp in the back of the thigh (hamstring). For a cramp in the "
            "front of the thigh (quadriceps), hold on to a chair to steady yourself and pull your foot "
            "towards your buttock.",
            "<b>Apply heat or cold.</b> Put a warm towel or heat pad on tense or cramped muscles, or take a "
            "warm bath or shower. Massaging the muscle with ice can also ease the pain.",
        ),
        ("section_heading", {"heading": "Prevention", "level": 2, "anchor": ""}),
        ("paragraph", "<p>These steps may help prevent cramps:</p>"),
        _numbered(
            "<b>Avoid dehydration.</b> Drink plenty of fluids every day. How much you need depends on what "
            "you eat, your sex, how active you are, the weather, your health, your age and any medicines you "
            "take. Fluids help your muscles contract and relax and keep muscle cells hydrated. When you are "
            "active, drink regularly, and keep drinking water or other fluids afterwards.",
            "<b>Stretch your muscles.</b> Stretch before and after using a muscle for a long time. If you "
            "often get leg cramps at night, stretch before bed. Light exercise, such as riding an exercise "
            "bike for a few minutes before bedtime, may also help prevent cramps while you sleep.",
        ),
    ],
}

ARTICLES = [SCOLIOSIS, LOSE_FAT, MUSCLE_SPASM]
FEATURED = ["muscle-spasm"]


def _section(heading, *paragraphs):
    """A level-2 heading and its paragraphs, as body blocks."""
    return [
        ("section_heading", {"heading": heading, "level": 2, "anchor": ""}),
        ("paragraph", "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)),
    ]


def _bullets(*items):
    return ("list", {"style": "bulleted", "items": [f"<p>{item}</p>" for item in items]})


def _email_link(address):
    return f'<a href="mailto:{address}">{address}</a>'


CONTACT_EMAIL = "hello@example.org"
PRIVACY_EMAIL = "privacy@example.org"

ABOUT = {
    "title": "About us",
    "slug": "about-us",
    "show_in_menus": True,
    "intro": "We publish clear, medically reviewed information about common health conditions, written in plain English.",
    "body": [
        *_section(
            "What we do",
            "We explain what a condition is, what its symptoms are, how it is treated and, above all, when you "
            "should see a doctor. Our checklists help you decide how urgently to get care and prepare for your "
            "appointment.",
            "We do not sell medicines, treatments or advertising space, and no company pays for what we write.",
        ),
        *_section(
            "Who we are",
            "Our articles are written by health writers and checked by practising doctors before they are "
            "published. Each article names its writer and its medical reviewer, and shows when it was last "
            "reviewed.",
        ),
        *_section(
            "What we are not",
            "We cannot diagnose you or give personal medical advice, and we do not answer medical questions in "
            "the comments. If you are worried about your health, talk to a doctor, nurse or pharmacist. In an "
            "emergency, call your local emergency number.",
        ),
    ],
}

EDITORIAL_POLICY = {
    "title": "Editorial policy",
    "slug": "editorial-policy",
    "intro": "How we write, check and update our health information, and how to tell us about a mistake.",
    "body": [
        *_section(
            "Who writes our articles",
            "Our articles are written by health writers who turn medical guidance and research into plain "
            "English. They work from trusted sources, such as national health services, clinical guidelines and "
            "peer-reviewed research, and list those sources at the end of every article.",
        ),
        *_section(
            "Who checks them",
            "Before an article is published, a doctor checks that it is accurate, up to date and safe. The "
            "site will not publish an article until a medical reviewer has approved it. The reviewer is named "
            "on the article.",
        ),
        *_section(
            "How often we review",
            "Every article is reviewed at least once a year, and sooner when guidance changes. Each article "
            "shows three dates: when it was first published, when it was last reviewed and when its next "
            "review is due.",
        ),
        *_section(
            "How we stay independent",
            "We do not accept advertising or payment for what we write, and we do not promote products. Our "
            "writers and reviewers tell us about any interests that could affect their work.",
        ),
        *_section(
            "How to report a mistake",
            f"If you think something on this site is wrong or out of date, email {_email_link(CONTACT_EMAIL)} "
            "with the address of the page and what you think is wrong. A medical reviewer looks at every "
            "report. We correct mistakes as soon as we can and note the change in the page's review date.",
        ),
    ],
}

PRIVACY = {
    "title": "Privacy notice",
    "slug": "privacy",
    "intro": "What we store when you use this site, why, for how long, and how to see or delete it.",
    "body": [
        *_section(
            "Reading the site",
            "You can read every page without an account. We do not use advertising or tracking cookies, and we "
            "do not load anything from other companies' servers.",
        ),
        *_section(
            "Checklist answers are never stored",
            "When you use a doctor-visit checklist, your answers are not saved anywhere: not in our database, "
            "not in a cookie, not in our logs. They travel only between your browser and our server while you "
            "fill in the checklist, and the PDF summary is made on the spot and not kept. The only thing we "
            "count is how many checklists ended at each level of urgency on each day, with nothing that could "
            "identify you.",
        ),
        *_section("What we store when you comment", "When you post a comment, we store:"),
        _bullets(
            "your name and your comment, which are published once a moderator approves the comment;",
            "your email address, which is never published and is used only to contact you about your comment;",
            "your website address, if you give one;",
            "a shortened form of your internet address (the network, not your device), to stop spam and abuse;",
            "when you posted, and which moderator approved or removed the comment.",
        ),
        (
            "paragraph",
            "<p>If we switch on a spam-filtering service, your comment and your internet address are sent to it "
            "to be checked; we do not store your full internet address.</p>",
        ),
        (
            "paragraph",
            "<p>If you tick “Save my name, email, and website in this browser”, those details are kept in your "
            "own browser and are not sent to us until you post. After you post, a cookie lets you see your own "
            "comment while it waits for a moderator.</p>",
        ),
        *_section(
            "How long we keep it",
            "Approved comments stay on the site until you ask us to remove them or a moderator removes them. "
            "Comments marked as spam or moved to the bin are deleted after 30 days.",
            "If you ask to be emailed about replies, we keep your email address for that. A request you do not "
            "confirm is deleted after 7 days, and every email has a link to stop them at once.",
        ),
        *_section(
            "Getting a copy of your data or having it deleted",
            f"Email {_email_link(PRIVACY_EMAIL)} from the address you commented with. "
            "We will send you a copy of everything we hold about that address, or delete it: your comments can "
            "be removed, or kept with your name replaced by “Anonymous”. We reply within one month.",
        ),
    ],
}

ACCESSIBILITY = {
    "title": "Accessibility statement",
    "slug": "accessibility",
    "intro": "We want everyone to be able to use this site, whatever their ability or device.",
    "body": [
        *_section(
            "How accessible this site is",
            "We aim to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA. You should be able "
            "to zoom the text up to 400% without it spilling off the screen, move around using only a keyboard, "
            "and use the site with a screen reader or with voice control.",
            "Every page is checked with automated accessibility tests before it is released. Pages print "
            "cleanly, and checklist summaries can be downloaded as a PDF.",
        ),
        *_section(
            "What is not fully accessible",
            "Some older images may not have a full text description yet. PDF visit summaries are tagged "
            "simply and may be harder to read with some screen readers; the same summary is available as a web "
            "page you can print.",
        ),
        *_section(
            "Tell us about a problem",
            f"If you find something hard to use, or need information in a different format, email {_email_link(CONTACT_EMAIL)}. "
            "Tell us the page address and what went wrong. We reply within 5 working days.",
        ),
    ],
}

CONTACT = {
    "title": "Contact us",
    "slug": "contact",
    "intro": "How to get in touch with our team.",
    "body": [
        *_section(
            "We cannot give medical advice",
            "We cannot answer questions about your own health. If you are worried, talk to a doctor, nurse or "
            "pharmacist. In an emergency, call your local emergency number.",
        ),
        *_section(
            "Mistakes, feedback and accessibility",
            f"Email {_email_link(CONTACT_EMAIL)} to report a mistake, suggest a "
            "topic or tell us about something that was hard to use. We reply within 5 working days.",
        ),
        *_section(
            "Your data",
            f"To get a copy of what we hold about you, or to have it deleted, email {_email_link(PRIVACY_EMAIL)}. "
            "Our privacy notice explains what we store.",
        ),
    ],
}

# In this order in the footer; "About us" is also in the header menu.
TRUST_PAGES = [ABOUT, EDITORIAL_POLICY, PRIVACY, ACCESSIBILITY, CONTACT]
