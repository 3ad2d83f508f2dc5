package dev.charter.console.view;

import org.springframework.stereotype.Component;

/** The words a page uses for the APIs' codes ({@code labels} in the templates). */
@Component
public class Labels {

    /** A fraction as a percentage: 0.75 is "75 %", 2/3 is "66.7 %". */
    public String percent(Double fraction) {
        if (fraction == null) {
            return "";
        }
        return new java.math.BigDecimal(fraction * 100).setScale(1, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString() + " %";
    }

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
