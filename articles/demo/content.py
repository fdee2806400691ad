"""The demo articles: the muscle-spasm page of the site this replaces, edited for clarity, and
two short companion pages written for the demo. Body blocks are (block type, value) pairs."""

PEOPLE = {
    "author": {
        "name": "Alex Morgan",
        "credentials": "Health writer",
        "bio": "Demo content: a fictional health writer for the demo site.",
    },
    "reviewer": {
        "name": "Dr Priya Shah",
        "credentials": "MBBS, MRCGP",
        "bio": "Demo content: a fictional general practitioner who reviews the demo articles.",
    },
}

TOPICS = [
    {"name": "Muscles, bones and joints", "slug": "muscles-bones-joints"},
    {"name": "Exercise and fitness", "slug": "exercise-fitness"},
    {"name": "Back and spine", "slug": "back-spine"},
]

HOME_INTRO = "Clear, medically reviewed information about common health conditions."
INDEX = {
    "title": "Health A to Z",
    "slug": "health-a-z",
    "intro": "Conditions, symptoms and treatments, from A to Z.",
}

SCOLIOSIS = {
    "title": "How to get scoliosis? The Symptoms, Causes, Treatments, Complications",
    "slug": "scoliosis",
    "summary": "Demo content: a short companion page about scoliosis, a sideways curve of the spine.",
    "condition_name": "Scoliosis",
    "topics": ["back-spine", "muscles-bones-joints"],
    "body": [
        ("section_heading", {"heading": "What is scoliosis?", "level": 2, "anchor": ""}),
        (
            "paragraph",
            "<p>Scoliosis is a sideways curve of the spine. It often starts in childhood or the teenage "
            "years and is usually mild. This short page is demo content.</p>",
        ),
    ],
}

LOSE_FAT = {
    "title": "8 ways to effectively lose fat without losing muscle mass",
    "slug": "lose-fat-keep-muscle",
    "summary": "Demo content: a short companion page on losing fat while keeping muscle.",
    "condition_name": "",
    "topics": ["exercise-fitness"],
    "body": [
        ("section_heading", {"heading": "Keep your muscles while you lose fat", "level": 2, "anchor": ""}),
        (
            "paragraph",
            "<p>Eating enough protein and doing strength exercise helps you keep muscle while you lose "
            "fat. This short page is demo content.</p>",
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
