package jp.jcstar.lab.web;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page template may show: who is logged in (the bar's name and log-out button). */
@ControllerAdvice
public class PageModel {

    @ModelAttribute("viewer")
    public String viewer(Authentication authentication) {
        return authentication == null || authentication instanceof AnonymousAuthenticationToken
                ? null : authentication.getName();
    }
}
