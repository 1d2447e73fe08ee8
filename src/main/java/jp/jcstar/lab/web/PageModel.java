package jp.jcstar.lab.web;

import java.util.List;

import jp.jcstar.lab.security.LabUser;
import jp.jcstar.lab.security.Roles;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page template may show: who is logged in (the bar's name and log-out button) and whether they are a lab
 * staff (the bar's link to the dashboard) or a lab manager or administrator (the link to the mail outbox).
 */
@ControllerAdvice
public class PageModel {

    @ModelAttribute("viewer")
    public String viewer(Authentication authentication) {
        return authentication == null || authentication instanceof AnonymousAuthenticationToken
                ? null : authentication.getName();
    }

    @ModelAttribute("viewerIsLabStaff")
    public boolean viewerIsLabStaff(Authentication authentication) {
        return viewer(authentication) != null && LabUser.of(authentication).seesEveryCompany();
    }

    @ModelAttribute("viewerManagesLab")
    public boolean viewerManagesLab(Authentication authentication) {
        return viewer(authentication) != null && LabUser.of(authentication).isInAny(List.of(Roles.LAB_MANAGERS, Roles.ADMINS));
    }
}
