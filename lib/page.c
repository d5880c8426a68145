/*
 * page.c: the shell of a printable HTML page.
 */
#include <string.h>

#include "err.h"
#include "page.h"
#include "write.h"

const char html_page_css[] =
	"@page { size: A4; margin: 18mm 16mm; }\n"
	"html { font: 10.5pt/1.45 \"DejaVu Sans\", \"Liberation Sans\", Arial, sans-serif; color: #222; }\n"
	"body { max-width: 46em; margin: 2em auto; padding: 0 1em; }\n"
	"h1, h2, h3, h4, h5, h6 { break-after: avoid; page-break-after: avoid; }\n"
	"table { border-collapse: collapse; margin: .6em 0; }\n"
	"thead { display: table-header-group; }\n"
	"tr { break-inside: avoid; page-break-inside: avoid; }\n"
	"th, td { border: 0.3mm solid #999; padding: .15em .5em; vertical-align: top; }\n"
	"th { background: #eee; text-align: left; }\n"
	".n { text-align: right; white-space: nowrap; }\n"
	"caption { caption-side: bottom; text-align: left; font-size: 9pt; color: #555; padding-top: .2em; }\n"
	"pre { white-space: pre-wrap; font-size: 9pt; }\n"
	"@media print {\n"
	"  body { max-width: none; margin: 0; padding: 0; }\n"
	"  a { color: inherit; text-decoration: none; }\n"
	"}\n";

void
html_page_open(struct buf *b, const char *lang, const char *title, const char *generator,
	const char *extra_css)
{
	buf_adds(b, "<!DOCTYPE html>\n<html lang=\"");
	xml_escape(b, lang, strlen(lang));
	buf_adds(b, "\">\n<head>\n<meta charset=\"utf-8\">\n"
		"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		"<meta name=\"generator\" content=\"");
	xml_escape(b, generator, strlen(generator));
	buf_adds(b, " (ess-tools) " ESS_VERSION "\">\n<title>");
	xml_escape(b, title, strlen(title));
	buf_adds(b, "</title>\n<style>\n");
	buf_adds(b, html_page_css);
	if (extra_css)
		buf_adds(b, extra_css);
	buf_adds(b, "</style>\n</head>\n<body>\n");
}

void
html_page_close(struct buf *b)
{
	buf_adds(b, "</body>\n</html>\n");
}
