package dev.charter.platform.messaging;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Stamps every dispatched command with actor, correlation id, causation id and rules version from the
 * current {@link MessageContext}; without one, the service itself is the actor. The events the command
 * applies copy these keys (see {@code EventMetadataCorrelation}).
 */
public class CommandMetadataInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    private final String systemActor;
    private final String rulesVersion;

    public CommandMetadataInterceptor(String systemActor, String rulesVersion) {
        this.systemActor = systemActor;
        this.rulesVersion = rulesVersion;
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            Map<String, Object> added = new HashMap<>();
            MessageContext context = MessageContext.current()
                    .orElseGet(() -> new MessageContext(systemActor, command.getIdentifier(), command.getIdentifier()));
            putIfAbsent(command, added, EventMetadata.ACTOR, context.actor());
            putIfAbsent(command, added, EventMetadata.CORRELATION_ID, context.correlationId());
            putIfAbsent(command, added, EventMetadata.CAUSATION_ID, context.causationId());
            putIfAbsent(command, added, EventMetadata.RULES_VERSION, rulesVersion);
            return added.isEmpty() ? command : command.andMetaData(added);
        };
    }

    private static void putIfAbsent(CommandMessage<?> command, Map<String, Object> added, String key, Object value) {
        if (!command.getMetaData().containsKey(key) && value != null) {
            added.put(key, value);
        }
    }
}
