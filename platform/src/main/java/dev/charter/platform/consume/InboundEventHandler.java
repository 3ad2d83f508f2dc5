package dev.charter.platform.consume;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a Spring bean that handles a public event of another service's stream, consumed
 * from Kafka. The first parameter is the event record, or an interface that public events implement
 * (e.g. {@code BallotRequesting}: the method then handles every event implementing it, none while no public
 * event implements it yet); an optional second
 * one, {@link InboundEvent}, gives its envelope. The platform subscribes to the streams of all such methods, de-duplicates by event
 * id in the same transaction as the handler's effect, commits the offset after success and dead-letters
 * a poison event. Handlers run with the service as actor, caused by the event; they must still be
 * idempotent (say how in a comment).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface InboundEventHandler {
}
