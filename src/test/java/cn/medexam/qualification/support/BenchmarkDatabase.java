package cn.medexam.qualification.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The PostgreSQL database a benchmark runs on, dropped and created fresh for each benchmark class, so that its
 * figures never depend on what an earlier run left. {@code -Dbench.postgres=jdbc:postgresql://host:5432/},
 * {@code -Dbench.user}, {@code -Dbench.password} point it elsewhere than this machine's server.
 */
public final class BenchmarkDatabase {

    private BenchmarkDatabase() {}

    /**
     * {@link #fresh}, or with {@code -Dbench.reuse=true} the database as an earlier run left it: a benchmark that
     * only measures then runs against the cases that run seeded, with this checkout's code.
     */
    public static void use(DynamicPropertyRegistry registry, String name, int poolSize) throws SQLException {
        if (reused()) {
            point(registry, name, poolSize);
        } else {
            fresh(registry, name, poolSize);
        }
    }

    public static boolean reused() {
        return Boolean.getBoolean("bench.reuse");
    }

    /** Creates {@code name} fresh and points the application's data source at it. */
    public static void fresh(DynamicPropertyRegistry registry, String name, int poolSize) throws SQLException {
        String server = System.getProperty("bench.postgres", "jdbc:postgresql://127.0.0.1:5432/");
        String user = System.getProperty("bench.user", "postgres");
        String password = System.getProperty("bench.password", "");
        try (Connection connection = DriverManager.getConnection(server + "postgres", user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
        }
        point(registry, name, poolSize);
    }

    private static void point(DynamicPropertyRegistry registry, String name, int poolSize) {
        String server = System.getProperty("bench.postgres", "jdbc:postgresql://127.0.0.1:5432/");
        String user = System.getProperty("bench.user", "postgres");
        String password = System.getProperty("bench.password", "");
        registry.add("spring.datasource.url", () -> server + name);
        registry.add("spring.datasource.username", () -> user);
        registry.add("spring.datasource.password", () -> password);
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> poolSize);
    }
}
