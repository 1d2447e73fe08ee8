package jp.jcstar.lab.web;

import org.springframework.security.web.csrf.CsrfToken;

/**
 * The app's own few pages (login, documents): plain HTML with no script, so that the Content-Security-Policy can
 * forbid scripts and a script with curl can walk them too.
 */
public final class HtmlPage {

    private HtmlPage() {
    }

    /** A narrow page with one form. */
    public static String form(String title, String body) {
        return page(title, body, "32rem");
    }

    /** A page with tables. */
    public static String wide(String title, String body) {
        return page(title, body, "72rem");
    }

    public static String hidden(CsrfToken csrf) {
        return "<input type=hidden name='" + csrf.getParameterName() + "' value='" + csrf.getToken() + "'>";
    }

    private static String page(String title, String body, String width) {
        return "<!doctype html><html lang=ja><head><meta charset=utf-8><title>" + title + " | JC-STAR Lab</title>"
                + "<style>body{font-family:sans-serif;max-width:" + width + ";margin:4rem auto}"
                + "label{display:block;margin:1rem 0}input,select{display:block;width:100%;padding:.4rem}"
                + "button{padding:.5rem 1.5rem}.error{color:#b00}.ok{color:#070}.missing{color:#b00;font-weight:bold}"
                + "table{border-collapse:collapse;width:100%;font-size:.9rem}td,th{border:1px solid #ccc;padding:.3rem;"
                + "text-align:left;vertical-align:top}code{font-size:.75rem;word-break:break-all}</style>"
                + "</head><body><h1>" + title + "</h1>" + body + "</body></html>";
    }
}
