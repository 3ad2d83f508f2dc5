package dev.charter.console.view;

import org.springframework.stereotype.Component;

/** The words a page uses for the APIs' codes ({@code labels} in the templates). */
@Component
public class Labels {

    /** A role as a reader says it: "Core maintainer", "Maintainer of nn". */
    public String role(String role, String moduleId) {
        if (role == null) {
            return "";
        }
        return switch (role) {
            case "LEAD" -> "Lead core maintainer";
            case "CORE_MAINTAINER" -> "Core maintainer";
            case "MODULE_MAINTAINER" -> moduleId == null ? "Module maintainer" : "Maintainer of " + moduleId;
            default -> role;
        };
    }
}
