package dev.charter.platform.config;

import dev.charter.platform.projection.ProjectionCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.Arrays;
import java.util.stream.Stream;

/**
 * Starting a Charter service. Each service's configuration file is {@code charter-<service>.yaml}, not
 * {@code application.yaml}: several services share one classpath in the local stack and the system tests,
 * and each must read its own file.
 */
public final class CharterServices {

    private CharterServices() {
    }

    /**
     * Starts the service; with {@code projections list|rebuild <name>} as its first arguments, runs the operators'
     * command line instead ({@link ProjectionCommand}) and exits with its code.
     */
    public static ConfigurableApplicationContext run(Class<?> application, String configName, String... args) {
        if (ProjectionCommand.asked(args)) {
            System.exit(ProjectionCommand.run(application, withConfigName(configName, args), System.out));
        }
        return SpringApplication.run(application, withConfigName(configName, args));
    }

    /** The arguments, naming the service's configuration unless they name one already. */
    public static String[] withConfigName(String configName, String... args) {
        if (Arrays.stream(args).anyMatch(arg -> arg.startsWith("--spring.config.name="))) {
            return args;
        }
        return Stream.concat(Stream.of("--spring.config.name=" + configName), Arrays.stream(args))
                .toArray(String[]::new);
    }
}
