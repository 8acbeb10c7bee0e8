package cn.medexam.qualification.system;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Every PostgreSQL connection of the application runs with {@code jit = off} (decision 0028). PostgreSQL compiles a
 * statement to machine code when its estimated cost exceeds {@code jit_above_cost}, once per execution, nothing is
 * kept: the job executor's acquisition (whose estimate counts its {@code NOT EXISTS} once per job) spent 30 of its
 * 57 s of server time on deadline day compiling, in 1,287 executions of 44 ms each (the reviewers' queue
 * statements measured the same with and without). The setting goes with the connection's start-up packet (pgjdbc's
 * {@code options}), so it costs no round trip and holds whatever the server's own configuration says; options
 * given in the pool's properties are kept ({@code options} in the JDBC URL would replace them).
 */
@Component
class PostgresWithoutJit implements BeanPostProcessor {

    static final String JIT_OFF = "-c jit=off";

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool
                && pool.getJdbcUrl() != null
                && pool.getJdbcUrl().startsWith("jdbc:postgresql:")) {
            Object given = pool.getDataSourceProperties().get("options");
            pool.addDataSourceProperty("options", given == null ? JIT_OFF : given + " " + JIT_OFF);
        }
        return bean;
    }
}
