package dev.charter.console.web;

import dev.charter.console.ConsoleProperties;
import dev.charter.console.security.ConsoleSecurity;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Signing in: a button per identity provider the console is registered with; with the development issuer of the
 * local stack ({@code charter.console.sign-in-as}), a "sign in as" button per registered person instead.
 */
@Controller
public class SignInController {

    /** A way to sign in: the provider's name and where its authorization starts. */
    public record Provider(String name, String href) {
    }

    private final ClientRegistrationRepository registrations;
    private final ConsoleProperties properties;
    private final PersonNames names;
    private final Clock clock;

    public SignInController(ClientRegistrationRepository registrations, ConsoleProperties properties,
                            PersonNames names, Clock clock) {
        this.registrations = registrations;
        this.properties = properties;
        this.names = names;
        this.clock = clock;
    }

    @GetMapping("/sign-in")
    public String signIn(@RequestParam(required = false) String next, HttpServletRequest request, Model model) {
        ConsoleSecurity.returnTo(request, next);
        List<Provider> providers = new ArrayList<>();
        if (registrations instanceof Iterable<?> all) {
            for (Object registration : all) {
                ClientRegistration client = (ClientRegistration) registration;
                providers.add(new Provider(client.getClientName(), "/oauth2/authorization/" + client.getRegistrationId()));
            }
        }
        model.addAttribute("providers", providers);
        model.addAttribute("signInAs", properties.signInAs());
        model.addAttribute("persons", properties.signInAs() ? names.persons() : List.of());
        model.addAttribute("failed", request.getParameter("error") != null);
        model.addAttribute("reflects", clock.instant());
        return "sign-in";
    }

}
