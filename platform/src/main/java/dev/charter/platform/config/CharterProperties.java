package dev.charter.platform.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Settings every Charter service shares ({@code charter.*}).
 */
@ConfigurationProperties("charter")
public class CharterProperties {

    /** The service's short name, e.g. {@code registry}; actor of system actions is {@code system:<service>}. */
    private String service;

    /** The public stream this service publishes, e.g. {@code registry} or {@code nominations}. */
    private String stream;

    /** The governance rules version every event is produced under (DESIGN §1). */
    private String rulesVersion = "pytorch-governance-mechanics/2024";

    /** The OpenAPI document this service serves (from api-contracts), e.g. {@code registry.yaml}. */
    private String apiDocument;

    private final Kafka kafka = new Kafka();
    private final Publisher publisher = new Publisher();
    private final Consumer consumer = new Consumer();
    private final Security security = new Security();
    private final Links links = new Links();
    private final Idempotency idempotency = new Idempotency();
    private final Web web = new Web();

    public Web getWeb() {
        return web;
    }

    public static class Web {
        /** The largest request body of an operation (JSON), refused with 413 before it is read. */
        private org.springframework.util.unit.DataSize maxBodySize = org.springframework.util.unit.DataSize.ofKilobytes(64);
        /** Larger limits for some paths (Ant patterns), e.g. {@code [/api/v1/bootstrap]: 1MB}. */
        private java.util.Map<String, org.springframework.util.unit.DataSize> maxBodySizes = new java.util.LinkedHashMap<>();
        private final RateLimit rateLimit = new RateLimit();

        public RateLimit getRateLimit() {
            return rateLimit;
        }

        /** Writes of a person with no standing, per window and replica. */
        public static class RateLimit {
            private int writes = 20;
            private Duration window = Duration.ofMinutes(1);

            public int getWrites() {
                return writes;
            }

            public void setWrites(int writes) {
                this.writes = writes;
            }

            public Duration getWindow() {
                return window;
            }

            public void setWindow(Duration window) {
                this.window = window;
            }
        }

        public org.springframework.util.unit.DataSize getMaxBodySize() {
            return maxBodySize;
        }

        public void setMaxBodySize(org.springframework.util.unit.DataSize maxBodySize) {
            this.maxBodySize = maxBodySize;
        }

        public java.util.Map<String, org.springframework.util.unit.DataSize> getMaxBodySizes() {
            return maxBodySizes;
        }

        public void setMaxBodySizes(java.util.Map<String, org.springframework.util.unit.DataSize> maxBodySizes) {
            this.maxBodySizes = maxBodySizes;
        }
    }

    public Idempotency getIdempotency() {
        return idempotency;
    }

    public static class Idempotency {
        /** How long a stored response is replayed to retries with the same Idempotency-Key. */
        private Duration retention = Duration.ofHours(24);
        /** How long a retry waits for the first request with its key before a 409 request-in-progress. */
        private Duration wait = Duration.ofSeconds(10);

        public Duration getRetention() {
            return retention;
        }

        public void setRetention(Duration retention) {
            this.retention = retention;
        }

        public Duration getWait() {
            return wait;
        }

        public void setWait(Duration wait) {
            this.wait = wait;
        }
    }
    private final Audit audit = new Audit();
    /**
     * Persons who may run operations: rebuild a read model (admin API), re-publish a parked event, re-drive a dead
     * letter (actuator). Empty: any authenticated person, but only while the development token issuer is on; in
     * production, list them (see {@code dev.charter.platform.security.Operators}).
     */
    private List<String> operators = new ArrayList<>();

    public String getService() {
        return service;
    }

    public void setService(String service) {
        this.service = service;
    }

    public String getStream() {
        return stream;
    }

    public void setStream(String stream) {
        this.stream = stream;
    }

    public String getRulesVersion() {
        return rulesVersion;
    }

    public void setRulesVersion(String rulesVersion) {
        this.rulesVersion = rulesVersion;
    }

    public String getApiDocument() {
        return apiDocument != null ? apiDocument : service + ".yaml";
    }

    public void setApiDocument(String apiDocument) {
        this.apiDocument = apiDocument;
    }

    public Kafka getKafka() {
        return kafka;
    }

    public Publisher getPublisher() {
        return publisher;
    }

    public Consumer getConsumer() {
        return consumer;
    }

    public Security getSecurity() {
        return security;
    }

    public Links getLinks() {
        return links;
    }

    public Audit getAudit() {
        return audit;
    }

    public List<String> getOperators() {
        return operators;
    }

    public void setOperators(List<String> operators) {
        this.operators = operators;
    }

    public static class Audit {
        /** How long an anonymous caller of the verification gets the last verdict instead of a new run. */
        private Duration verificationCache = Duration.ofSeconds(10);

        public Duration getVerificationCache() {
            return verificationCache;
        }

        public void setVerificationCache(Duration verificationCache) {
            this.verificationCache = verificationCache;
        }
    }

    /** The actor of actions the service takes on its own. */
    public String systemActor() {
        return "system:" + service;
    }

    public static class Kafka {
        /** Prepended to every topic and consumer group (isolates tests, or tenants on one cluster). */
        private String topicPrefix = "";
        /** Partitions of the topics this service creates. */
        private int partitions = 3;
        /** Replication factor of the topics this service creates. */
        private short replicas = 1;
        private final AclProvisioning aclProvisioning = new AclProvisioning();

        public AclProvisioning getAclProvisioning() {
            return aclProvisioning;
        }

        public String getTopicPrefix() {
            return topicPrefix;
        }

        public void setTopicPrefix(String topicPrefix) {
            this.topicPrefix = topicPrefix == null ? "" : topicPrefix;
        }

        public int getPartitions() {
            return partitions;
        }

        public void setPartitions(int partitions) {
            this.partitions = partitions;
        }

        public short getReplicas() {
            return replicas;
        }

        public void setReplicas(short replicas) {
            this.replicas = replicas;
        }

        public String topic(String baseTopic) {
            return topicPrefix + baseTopic;
        }

        /** The topic without this service's prefix, or null when it does not carry the prefix. */
        public String baseTopic(String topic) {
            return topic.startsWith(topicPrefix) ? topic.substring(topicPrefix.length()) : null;
        }
    }

    /**
     * For the local stack and the tests only: the service creates, at start-up, the Kafka ACLs of its own principal
     * ({@code KafkaAccess}) and its own topic, with a super user's client settings. In Kubernetes the service's
     * Strimzi {@code KafkaUser} holds the same ACLs and this stays off.
     */
    public static class AclProvisioning {
        private boolean enabled = false;
        /** The principal the service authenticates as, e.g. {@code User:registry}. */
        private String principal;
        /** Kafka client settings of a super user that may create ACLs (override the service's own). */
        private java.util.Map<String, String> admin = new java.util.LinkedHashMap<>();

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getPrincipal() {
            return principal;
        }

        public void setPrincipal(String principal) {
            this.principal = principal;
        }

        public java.util.Map<String, String> getAdmin() {
            return admin;
        }

        public void setAdmin(java.util.Map<String, String> admin) {
            this.admin = admin;
        }
    }

    public static class Publisher {
        /** Whether the event store is published to Kafka (off only in tests of a single aggregate). */
        private boolean enabled = true;
        /** How long one send waits for the broker's acknowledgement before the processor retries. */
        private Duration sendTimeout = Duration.ofSeconds(10);
        /**
         * Publish the whole event store again at start-up (consumers skip what they already handled). For a
         * broker that does not keep its topics across restarts, such as the local stack's embedded one.
         */
        private boolean republishOnStart = false;

        public boolean isRepublishOnStart() {
            return republishOnStart;
        }

        public void setRepublishOnStart(boolean republishOnStart) {
            this.republishOnStart = republishOnStart;
        }

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Duration getSendTimeout() {
            return sendTimeout;
        }

        public void setSendTimeout(Duration sendTimeout) {
            this.sendTimeout = sendTimeout;
        }
    }

    public static class Consumer {
        /** Attempts of a failing event before it goes to the dead-letter topic (infrastructure errors retry forever). */
        private int maxAttempts = 5;
        /** First retry delay; doubles up to {@code maxBackoff}. */
        private Duration initialBackoff = Duration.ofMillis(500);
        private Duration maxBackoff = Duration.ofSeconds(30);
        /** Listener threads. */
        private int concurrency = 1;
        /** How long a partition stays paused on an event of a newer revision before it is tried again. */
        private Duration newerRevisionRetry = Duration.ofMinutes(1);

        public Duration getNewerRevisionRetry() {
            return newerRevisionRetry;
        }

        public void setNewerRevisionRetry(Duration newerRevisionRetry) {
            this.newerRevisionRetry = newerRevisionRetry;
        }

        public int getMaxAttempts() {
            return maxAttempts;
        }

        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        public Duration getInitialBackoff() {
            return initialBackoff;
        }

        public void setInitialBackoff(Duration initialBackoff) {
            this.initialBackoff = initialBackoff;
        }

        public Duration getMaxBackoff() {
            return maxBackoff;
        }

        public void setMaxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
        }

        public int getConcurrency() {
            return concurrency;
        }

        public void setConcurrency(int concurrency) {
            this.concurrency = concurrency;
        }
    }

    public static class Security {
        private final DevIssuer devIssuer = new DevIssuer();

        public DevIssuer getDevIssuer() {
            return devIssuer;
        }
    }

    public static class DevIssuer {
        /** A development token issuer: signs tokens for any person. Never under a production profile. */
        private boolean enabled = false;
        /** Where its RSA key is kept, so that every service of the local stack trusts the same tokens. */
        private Path keyFile;
        /** Lifetime of the tokens it issues. */
        private Duration tokenTtl = Duration.ofHours(12);

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Path getKeyFile() {
            return keyFile;
        }

        public void setKeyFile(Path keyFile) {
            this.keyFile = keyFile;
        }

        public Duration getTokenTtl() {
            return tokenTtl;
        }

        public void setTokenTtl(Duration tokenTtl) {
            this.tokenTtl = tokenTtl;
        }
    }

    /** Where the public pages of the other services are, for the links one service's answers carry to another's. */
    public static class Links {
        /** The public base URL of dispute-service (disputes and vetoes, R6, R7). */
        private String disputes = "http://localhost:8084";

        public String getDisputes() {
            return disputes;
        }

        public void setDisputes(String disputes) {
            this.disputes = disputes == null ? null : disputes.trim().replaceAll("/+$", "");
        }

        /** The public URL of a dispute on dispute-service. */
        public String dispute(String disputeId) {
            return disputes + "/api/v1/disputes/" + disputeId;
        }

        /** The public URL of a veto on dispute-service. */
        public String veto(String vetoId) {
            return disputes + "/api/v1/vetoes/" + vetoId;
        }
    }
}
