package cn.medexam.qualification.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.medexam.qualification.support.EngineTest;
import cn.medexam.qualification.support.PostgreSqlOnly;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** PostgreSQL compiles no statement of the application to machine code (decision 0028). */
@EngineTest
class PostgresWithoutJitTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    @ExtendWith(PostgreSqlOnly.class)
    void theApplicationsConnectionsRunWithoutJit() {
        assertThat(jdbc.sql("SHOW jit").query(String.class).single()).isEqualTo("off");
    }

    @Test
    void optionsGivenToThePoolAreKeptBesideIt() {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl("jdbc:postgresql://db.example:5432/qr");
        pool.addDataSourceProperty("options", "-c statement_timeout=30s");

        new PostgresWithoutJit().postProcessAfterInitialization(pool, "dataSource");

        assertThat(pool.getDataSourceProperties()).containsEntry("options", "-c statement_timeout=30s -c jit=off");
    }

    @Test
    void anotherDatabaseIsLeftAlone() {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl("jdbc:h2:mem:qr");

        new PostgresWithoutJit().postProcessAfterInitialization(pool, "dataSource");

        assertThat(pool.getDataSourceProperties()).doesNotContainKey("options");
    }
}
