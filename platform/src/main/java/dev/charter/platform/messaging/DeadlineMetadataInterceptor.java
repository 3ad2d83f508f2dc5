package dev.charter.platform.messaging;

import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Stamps every scheduled deadline with the service as actor ({@code system:<service>}: the service acts when
 * a deadline fires, not the person whose request scheduled it), the correlation id of the current request,
 * the message that scheduled it as cause, and the rules version. The events a deadline handler applies copy
 * these keys like those of a command, so they carry an actor in the audit chain and on Kafka.
 */
public class DeadlineMetadataInterceptor implements MessageDispatchInterceptor<DeadlineMessage<?>> {

    private final String systemActor;
    private final String rulesVersion;

    public DeadlineMetadataInterceptor(String systemActor, String rulesVersion) {
        this.systemActor = systemActor;
        this.rulesVersion = rulesVersion;
    }

    @Override
    public BiFunction<Integer, DeadlineMessage<?>, DeadlineMessage<?>> handle(
            List<? extends DeadlineMessage<?>> messages) {
        return (index, deadline) -> {
            String cause = CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().getMessage().getIdentifier()
                    : MessageContext.current().map(MessageContext::causationId).orElse(deadline.getIdentifier());
            String correlation = MessageContext.current().map(MessageContext::correlationId).orElse(cause);
            Map<String, Object> metaData = new HashMap<>();
            metaData.put(EventMetadata.ACTOR, systemActor);
            metaData.put(EventMetadata.CORRELATION_ID, correlation);
            metaData.put(EventMetadata.CAUSATION_ID, cause);
            metaData.put(EventMetadata.RULES_VERSION, rulesVersion);
            return deadline.andMetaData(metaData);
        };
    }
}
