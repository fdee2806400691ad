<?php
// Gives the seed WordPress (../shared/bench/wordpress.sh) what a real health blog has, through
// WordPress's own API, then writes its export with WordPress's own exporter.
// Usage: php wordpress_fixture.php HOST:PORT OUT_DIR   (run by scripts/wordpress_fixture.sh)
// Writes OUT_DIR/export.xml and OUT_DIR/uploads/... (the media files the export refers to, except
// one left out on purpose so the importer has a missing attachment to report).
[, $host, $out] = $argv;
$_SERVER['HTTP_HOST'] = $host;  // Debian's wp-config picks /etc/wordpress/config-<host>.php by this
define('WP_USE_THEMES', false);
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/image.php';
require_once ABSPATH . 'wp-admin/includes/export.php';

wp_set_current_user(1);  // an administrator, so kses keeps the block markup

function fail($message) {
    fwrite(STDERR, "$message\n");
    exit(1);
}

function must($id) {
    if (is_wp_error($id) || !$id) {
        fail(is_wp_error($id) ? $id->get_error_message() : 'insert failed');
    }
    return $id;
}

// --- authors -------------------------------------------------------------------------------------
$amara = must(wp_insert_user([
    'user_login' => 'amara', 'user_pass' => wp_generate_password(), 'user_email' => 'amara@example.com',
    'display_name' => 'Dr Amara Okoye', 'first_name' => 'Amara', 'last_name' => 'Okoye', 'role' => 'author',
]));
$joerg = must(wp_insert_user([
    'user_login' => 'joerg', 'user_pass' => wp_generate_password(), 'user_email' => 'joerg@example.com',
    'display_name' => 'Jörg Müller', 'first_name' => 'Jörg', 'last_name' => 'Müller', 'role' => 'editor',
]));

// --- categories and tags -------------------------------------------------------------------------
$muscles = must(wp_insert_term('Muscles, bones and joints', 'category', ['slug' => 'muscles-bones-joints']))['term_id'];
$nutrition = must(wp_insert_term('Nutrition', 'category', ['slug' => 'nutrition']))['term_id'];
$minerals = must(wp_insert_term('Minerals & vitamins', 'category', ['slug' => 'minerals', 'parent' => $nutrition]))['term_id'];
foreach (['cramps', 'stretching', 'Krämpfe'] as $tag) {
    must(wp_insert_term($tag, 'post_tag'));
}

// --- media: one image with alt text and caption, one PDF, one image whose file is not exported ----
$uploads = wp_upload_dir('2024/01');
function png_file($path, $w, $h, $rgb) {
    $im = imagecreatetruecolor($w, $h);
    imagefill($im, 0, 0, imagecolorallocate($im, ...$rgb));
    imagefilledrectangle($im, intdiv($w, 4), intdiv($h, 4), intdiv($w * 3, 4), intdiv($h * 3, 4),
        imagecolorallocate($im, 255, 255, 255));
    imagepng($im, $path, 9);
}
function attach($path, $title, $parent, $caption = '', $alt = '') {
    $type = wp_check_filetype(basename($path))['type'];
    $id = must(wp_insert_attachment([
        'post_title' => $title, 'post_excerpt' => $caption, 'post_mime_type' => $type,
        'post_status' => 'inherit', 'post_author' => 2, 'post_date' => '2024-01-15 08:30:00',
    ], $path, $parent, true));
    wp_update_attachment_metadata($id, wp_generate_attachment_metadata($id, $path));
    if ($alt !== '') {
        update_post_meta($id, '_wp_attachment_image_alt', $alt);
    }
    return $id;
}

$seed = get_page_by_path('what-is-muscle-spasm', OBJECT, 'post') ?: fail('seed article not found');
$stretch_path = $uploads['path'] . '/calf-stretch.png';
png_file($stretch_path, 400, 300, [0, 94, 184]);
$stretch = attach($stretch_path, 'Calf stretch', $seed->ID, 'A wall calf stretch: hold for 30 seconds.',
    'A person leaning against a wall with one leg stretched behind them');
$leaflet_path = $uploads['path'] . '/cramp-leaflet.pdf';
file_put_contents($leaflet_path, "%PDF-1.1\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
$leaflet = attach($leaflet_path, 'Cramp leaflet', $seed->ID);
$chart_path = $uploads['path'] . '/old-chart.png';
png_file($chart_path, 200, 100, [200, 30, 30]);
$chart = attach($chart_path, 'Old chart', 0, '', 'A bar chart of cramps by age');

// --- the seed article as its editors would have written it: headings, an image, a link -----------
$h2 = ['What is muscle spasm?', 'What are the symptoms of muscle spasm?', 'When to see a doctor?',
       'What causes muscle spasm?', 'What are the risk factors for muscle spasm?',
       'What to prepare for meeting a doctor?', 'Maintenance and Medicine', 'Alternative medicine',
       'Lifestyle and Home Treatment'];
$h3 = ['Definition muscle spasm'];
$blocks = parse_blocks($seed->post_content);
$content = [];
$seen = [];
foreach ($blocks as $block) {
    if ($block['blockName'] === null) {
        continue;
    }
    $text = trim(html_entity_decode(wp_strip_all_tags($block['innerHTML']), ENT_QUOTES));
    $level = in_array($text, $h2, true) ? 2 : (in_array($text, $h3, true) ? 3 : 0);
    if ($block['blockName'] === 'core/paragraph' && $level && !isset($seen[$text])) {
        $seen[$text] = true;
        $anchor = sanitize_title($text);
        $attrs = $level === 2 ? '{"anchor":"' . $anchor . '"}' : '{"level":3,"anchor":"' . $anchor . '"}';
        $content[] = "<!-- wp:heading $attrs -->\n<h$level class=\"wp-block-heading\" id=\"$anchor\">"
            . esc_html($text) . "</h$level>\n<!-- /wp:heading -->";
        if ($text === 'What is muscle spasm?') {
            $src = wp_get_attachment_url($stretch);
            $content[] = "<!-- wp:image {\"id\":$stretch,\"sizeSlug\":\"full\",\"linkDestination\":\"none\"} -->\n"
                . "<figure class=\"wp-block-image size-full\"><img src=\"$src\" alt=\""
                . esc_attr(get_post_meta($stretch, '_wp_attachment_image_alt', true)) . "\" class=\"wp-image-$stretch\"/>"
                . "<figcaption class=\"wp-element-caption\">A wall calf stretch: hold for 30 seconds.</figcaption></figure>\n"
                . "<!-- /wp:image -->";
        }
        continue;
    }
    $content[] = serialize_block($block);
}
$content[] = "<!-- wp:paragraph -->\n<p>Download our <a href=\"" . wp_get_attachment_url($leaflet)
    . "\">cramp leaflet (PDF)</a>.</p>\n<!-- /wp:paragraph -->";
must(wp_update_post([
    'ID' => $seed->ID, 'post_content' => implode("\n\n", $content), 'post_author' => $amara,
    'post_category' => [$muscles], 'tags_input' => ['cramps', 'stretching'],
], true));
update_post_meta($seed->ID, '_yoast_wpseo_title', '%%title%% %%sep%% Symptoms, causes and treatment %%sep%% %%sitename%%');
update_post_meta($seed->ID, '_yoast_wpseo_metadesc', 'Muscle spasm: what it is, why it happens, when to see a doctor and how to ease it at home.');

// Nested replies two levels deep under the seed's first comment, a pending, a spam and a trashed
// comment, a pingback; an IPv6 commenter with a non-ASCII name.
$first = get_comments(['post_id' => $seed->ID, 'parent' => 0, 'orderby' => 'comment_ID', 'order' => 'ASC', 'number' => 1])[0];
$base = strtotime('2024-02-20 10:00:00 UTC');
$comment = function ($fields, $offset) use ($seed, $base) {
    $date = gmdate('Y-m-d H:i:s', $base + $offset * 3600);
    return must(wp_insert_comment($fields + [
        'comment_post_ID' => $seed->ID, 'comment_agent' => 'fixture', 'comment_date' => $date,
        'comment_date_gmt' => $date, 'comment_approved' => 1, 'comment_author_IP' => '203.0.113.77',
    ]));
};
$reply = $comment(['comment_author' => 'Dr Amara Okoye', 'comment_author_email' => 'amara@example.com',
    'user_id' => $amara, 'comment_parent' => $first->comment_ID,
    'comment_content' => "Thank you. Night cramps after running often ease with a gentle calf stretch before bed.\n\nSee <a href=\"https://example.org/stretch\">our stretching guide</a>."], 0);
$comment(['comment_author' => 'Nguyễn Thị Hoa', 'comment_author_email' => 'hoa@example.com',
    'comment_author_IP' => '2001:db8:85a3:1234:5678:8a2e:370:7334', 'comment_parent' => $reply,
    'comment_content' => 'Cảm ơn bác sĩ! The stretch works for me too — «très bien».'], 1);
$comment(['comment_author' => 'Waiting Reader', 'comment_author_email' => 'waiting@example.com',
    'comment_content' => 'Does magnesium really help? Asking for my mother.', 'comment_approved' => 0], 2);
$comment(['comment_author' => 'Cheap Pills', 'comment_author_email' => 'pills@example.net',
    'comment_author_url' => 'https://spam.example.net/', 'comment_content' => 'Buy cheap pills online',
    'comment_approved' => 'spam'], 3);
$comment(['comment_author' => 'Removed Reader', 'comment_author_email' => 'removed@example.com',
    'comment_content' => 'Posted twice by mistake.', 'comment_approved' => 'trash'], 4);
$comment(['comment_author' => 'Another Health Blog', 'comment_author_url' => 'https://blog.example.org/cramps/',
    'comment_author_email' => '', 'comment_type' => 'pingback',
    'comment_content' => '[&#8230;] a clear explanation of muscle spasm [&#8230;]'], 5);

// --- a classic-editor post with what older posts carry: [caption], a table, a quote, an embed, ----
// a shortcode nothing maps, non-ASCII text and Rank Math SEO meta.
$chart_src = wp_get_attachment_url($chart);
$classic = must(wp_insert_post([
    'post_title' => 'Magnesium & leg cramps: what the evidence says',
    'post_name' => 'magnesium-leg-cramps',
    'post_excerpt' => 'Magnesium is often suggested for night cramps. Here is what studies found, and who might benefit.',
    'post_content' => "Many people take magnesium for <strong>night-time leg cramps</strong>. In German they are called <em>Wadenkrämpfe</em>.\n\n"
        . "<h2>What studies found</h2>\n"
        . "[caption id=\"attachment_$chart\" align=\"aligncenter\" width=\"200\"]<img class=\"size-full wp-image-$chart\" src=\"$chart_src\" alt=\"A bar chart of cramps by age\" width=\"200\" height=\"100\" /> Cramps become more common with age.[/caption]\n\n"
        . "<table><thead><tr><th>Group</th><th>Effect</th></tr></thead><tbody><tr><td>Older adults</td><td>Little or none</td></tr><tr><td>Pregnancy</td><td>Unclear</td></tr></tbody></table>\n\n"
        . "<blockquote>Magnesium is unlikely to help older adults with night cramps.</blockquote>\n\n"
        . "https://www.youtube.com/watch?v=dQw4w9WgXcQ\n\n"
        . "<h3>Further reading</h3>\n"
        . "<ul>\n<li>Ask your pharmacist first</li>\n<li>Read the label, <a href=\"https://example.org/label\">how to</a></li>\n</ul>\n\n"
        . "[contact-form-7 id=\"12\" title=\"Ask us\"]\n\n"
        . "<pre>dose = 300 mg</pre>",
    'post_status' => 'publish', 'post_author' => $joerg, 'post_date' => '2023-06-02 14:15:00',
    'post_category' => [$nutrition, $minerals], 'tags_input' => ['cramps', 'Krämpfe'], 'comment_status' => 'open',
], true));
update_post_meta($classic, 'rank_math_title', 'Magnesium for leg cramps');
update_post_meta($classic, 'rank_math_description', 'Does magnesium ease night-time leg cramps? What studies found.');
wp_update_post(['ID' => $chart, 'post_parent' => $classic]);

// --- posts in each other state ---------------------------------------------------------------------
foreach ([
    ['draft', 'Dehydration and cramps (draft)', 'dehydration-cramps'],
    ['pending', 'Cramps in pregnancy', 'cramps-in-pregnancy'],
    ['private', 'Staff notes on cramp articles', 'staff-notes'],
] as [$status, $title, $slug]) {
    must(wp_insert_post([
        'post_title' => $title, 'post_name' => $slug, 'post_status' => $status, 'post_author' => $amara,
        'post_date' => '2024-03-01 09:00:00', 'post_category' => [$muscles],
        'post_content' => "<!-- wp:paragraph -->\n<p>$title: text still being written.</p>\n<!-- /wp:paragraph -->",
    ], true));
}

// --- pages: a parent and a child -------------------------------------------------------------------
$about = must(wp_insert_post([
    'post_type' => 'page', 'post_title' => 'About us', 'post_name' => 'about', 'post_status' => 'publish',
    'post_author' => 1, 'post_date' => '2023-01-10 09:00:00',
    'post_content' => "<!-- wp:paragraph -->\n<p>We are nurses and doctors writing plain health information.</p>\n<!-- /wp:paragraph -->\n\n"
        . "<!-- wp:heading -->\n<h2 class=\"wp-block-heading\">Who we are</h2>\n<!-- /wp:heading -->\n\n"
        . "<!-- wp:list -->\n<ul><!-- wp:list-item -->\n<li>Dr Amara Okoye, GP</li>\n<!-- /wp:list-item -->\n\n<!-- wp:list-item -->\n<li>Jörg Müller, nurse</li>\n<!-- /wp:list-item --></ul>\n<!-- /wp:list -->\n\n"
        . "<!-- wp:latest-posts /-->",
], true));
must(wp_insert_post([
    'post_type' => 'page', 'post_title' => 'Editorial policy', 'post_name' => 'editorial-policy',
    'post_status' => 'publish', 'post_parent' => $about, 'post_author' => 1, 'post_date' => '2023-01-11 09:00:00',
    'post_content' => "<!-- wp:paragraph -->\n<p>Every article is checked by a doctor before it is published.</p>\n<!-- /wp:paragraph -->",
], true));

// --- export ------------------------------------------------------------------------------------------
ob_start();
export_wp(['content' => 'all']);
$xml = ob_get_clean();
file_put_contents("$out/export.xml", $xml);
// The media directory as a site owner would copy it, less the chart, which goes missing on purpose.
foreach ([$stretch_path, $leaflet_path] as $path) {
    $relative = substr($path, strlen(wp_upload_dir()['basedir']) + 1);
    @mkdir(dirname("$out/uploads/$relative"), 0755, true);
    copy($path, "$out/uploads/$relative");
}
echo get_permalink($seed->ID), "\n";
