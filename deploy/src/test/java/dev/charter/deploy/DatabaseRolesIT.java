package dev.charter.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.charter.testsupport.TestInfrastructure;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The database as the manifests set it up (postgres.yaml: its bootstrap statements, then its managed roles as
 * CloudNativePG applies them), on a real PostgreSQL: each service migrates its own schema as its own role and is
 * refused on every other service's schema (DESIGN §2: no service reads another's tables).
 */
class DatabaseRolesIT {

    private static final String SUFFIX = "_" + Long.toString(ProcessHandle.current().pid(), 36) + "_"
            + UUID.randomUUID().toString().substring(0, 6);
    private static final Map<String, String> PASSWORDS = new HashMap<>();
    private static String url;

    @BeforeAll
    static void setUpAsTheManifestsDo() throws Exception {
        TestInfrastructure.Postgres pg = TestInfrastructure.postgres();
        url = TestInfrastructure.newDatabase("roles");
        String database = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        JsonNode cluster = cluster();
        try (Connection admin = DriverManager.getConnection(url, pg.username(), pg.password());
             Statement statement = admin.createStatement()) {
            for (JsonNode sql : cluster.at("/spec/bootstrap/initdb/postInitApplicationSQL")) {
                statement.execute(local(sql.asText(), database));
            }
            // what CloudNativePG does with a managed role: log-in, limits and the password of its secret
            for (JsonNode role : cluster.at("/spec/managed/roles")) {
                String name = role.path("name").asText();
                String password = UUID.randomUUID().toString();
                PASSWORDS.put(name, password);
                statement.execute("ALTER ROLE " + name + SUFFIX + (role.path("login").asBoolean() ? " LOGIN" : "")
                        + (role.path("inherit").asBoolean(true) ? " INHERIT" : " NOINHERIT") + " CONNECTION LIMIT "
                        + role.path("connectionLimit").asInt(-1) + " PASSWORD '" + password + "'");
            }
        }
        // each service's migrations, run by Flyway as the service itself runs them: as its role, in its schema
        for (ServiceSpec service : Services.ALL) {
            List<String> locations = new ArrayList<>(List.of("classpath:db/migration/platform",
                    "classpath:db/migration/" + service.name()));
            if (service != Services.REGISTRY) {
                locations.add("classpath:db/migration/roster-copy");
            }
            String schema = service.schema() + SUFFIX;
            Flyway.configure().dataSource(inSchema(schema), schema, PASSWORDS.get(service.schema()))
                    .schemas(schema).outOfOrder(true).locations(locations.toArray(String[]::new)).load().migrate();
        }
    }

    @Test
    @DisplayName("a service's role reads and writes its own schema and is refused on another service's schema")
    void roleIsConfinedToItsSchema() throws SQLException {
        try (Connection voting = connect(Services.VOTING); Statement statement = voting.createStatement()) {
            statement.executeQuery("SELECT count(*) FROM domainevententry").close();
            statement.executeQuery("SELECT count(*) FROM voting" + SUFFIX + ".domainevententry").close();
            for (ServiceSpec other : List.of(Services.REGISTRY, Services.NOMINATION, Services.DISPUTE)) {
                String schema = other.schema() + SUFFIX;
                assertRefused(statement, "SELECT count(*) FROM " + schema + ".domainevententry");
                assertRefused(statement, "INSERT INTO " + schema + ".parked_event DEFAULT VALUES");
                assertRefused(statement, "CREATE TABLE " + schema + ".intruder (id int)");
            }
            assertRefused(statement, "CREATE TABLE public.intruder (id int)");
        }
        try (Connection registry = connect(Services.REGISTRY); Statement statement = registry.createStatement()) {
            assertRefused(statement, "SELECT count(*) FROM voting" + SUFFIX + ".domainevententry");
        }
    }

    @Test
    @DisplayName("no service's role is a superuser or may create roles or databases")
    void rolesHaveNoPower() throws SQLException {
        for (ServiceSpec service : Services.ALL) {
            try (Connection connection = connect(service); Statement statement = connection.createStatement();
                 var rs = statement.executeQuery("SELECT rolsuper, rolcreaterole, rolcreatedb, rolbypassrls FROM pg_roles"
                         + " WHERE rolname = current_user")) {
                assertThat(rs.next()).isTrue();
                for (int column = 1; column <= 4; column++) {
                    assertThat(rs.getBoolean(column)).as("%s column %d", service.name(), column).isFalse();
                }
            }
        }
    }

    private static void assertRefused(Statement statement, String sql) {
        assertThatThrownBy(() -> statement.execute(sql)).as(sql).isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).as("SQL state of %s", sql)
                        .isEqualTo("42501"));
    }

    private static Connection connect(ServiceSpec service) throws SQLException {
        String schema = service.schema() + SUFFIX;
        return DriverManager.getConnection(inSchema(schema), schema, PASSWORDS.get(service.schema()));
    }

    /** The database's URL for a service's role in its schema (without the test server's own user, if it names one). */
    private static String inSchema(String schema) {
        int query = url.indexOf('?');
        List<String> parameters = new ArrayList<>();
        if (query >= 0) {
            for (String parameter : url.substring(query + 1).split("&")) {
                if (!parameter.startsWith("user=") && !parameter.startsWith("password=")) {
                    parameters.add(parameter);
                }
            }
        }
        parameters.add("currentSchema=" + schema);
        return (query >= 0 ? url.substring(0, query) : url) + "?" + String.join("&", parameters);
    }

    /** The manifest's statement in this test's database, with role names of this run (roles are server-wide). */
    private static String local(String sql, String database) {
        String local = sql.replace("DATABASE charter ", "DATABASE " + database + " ");
        for (ServiceSpec service : Services.ALL) {
            local = local.replaceAll("\\b" + service.schema() + "\\b", service.schema() + SUFFIX);
        }
        return local;
    }

    private static JsonNode cluster() throws Exception {
        try (YAMLParser parser = (YAMLParser) ManifestSchemas.YAML.getFactory()
                .createParser(Path.of("kubernetes/base/postgres.yaml").toFile())) {
            return ManifestSchemas.YAML.readValues(parser, JsonNode.class).next();
        }
    }
}
