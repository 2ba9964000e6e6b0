<?php
/**
 * Router for PHP's built-in web server (`php -S HOST:PORT -t DOCROOT router.php`),
 * standing in for the rewrite rules that Apache's .htaccess gives WordPress.
 *
 * - An existing file is served as it is (php -S runs `.php` files itself).
 * - Any other path goes to WordPress's index.php, so that pretty permalinks
 *   (`/%postname%/`) and `/wp-json/…` work.
 * - With HERALD_WP_PLAIN=1 in the server's environment the router rewrites
 *   nothing, like a server without rewrite rules: only `/`, `/index.php` and
 *   real files answer, anything else is a plain 404 (use `/?rest_route=/…`).
 *   The must-use plugin turns WordPress's permalinks off for that server too.
 */

$root = rtrim($_SERVER['DOCUMENT_ROOT'], '/');
$path = rawurldecode((string) parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH));
if ($path === '' || $path[0] !== '/' || strpos($path, '/../') !== false || substr($path, -3) === '/..') {
    http_response_code(400);
    return true;
}

$file = $root . $path;
if (is_file($file)) {
    return false;
}
if (is_dir($file) && is_file(rtrim($file, '/') . '/index.php')) {
    return false;
}

if (getenv('HERALD_WP_PLAIN') === '1') {
    http_response_code(404);
    header('Content-Type: text/html; charset=UTF-8');
    echo "<!DOCTYPE html>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n",
        '<p>The requested URL was not found on this server (no rewrite rules).</p>', "\n";
    return true;
}

$_SERVER['SCRIPT_NAME'] = '/index.php';
$_SERVER['PHP_SELF'] = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $root . '/index.php';
chdir($root);
require $root . '/index.php';
