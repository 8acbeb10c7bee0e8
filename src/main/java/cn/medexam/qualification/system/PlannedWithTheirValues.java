package cn.medexam.qualification.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Plugin;
import org.apache.ibatis.plugin.Signature;
import org.postgresql.PGStatement;

/**
 * Has PostgreSQL plan the queue's statements ({@link TaskQueryGrants}) with the values of their parameters every
 * time (decision 0025). From a statement's fifth execution on a connection pgjdbc prepares it on the server, and
 * PostgreSQL then settles on a generic plan that does not know whose grants and which group it asks for: the
 * region's list statement took 361–395 ms with it against 263–275 ms planned with its values. Only these
 * statements: every statement of the engine planned anew cost the deadline day 15–20 % of its cases per second.
 * The statements are marked by the comment they start with ({@link #MARK}); other databases' statements are left as
 * they are.
 */
@Intercepts(
        @Signature(
                type = StatementHandler.class,
                method = "prepare",
                args = {Connection.class, Integer.class}))
final class PlannedWithTheirValues implements Interceptor {

    /** The comment the statements to plan with their values start with (TaskQueryGrants.xml). */
    static final String MARK = "/* planned with its values */";

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
        Statement statement = (Statement) invocation.proceed();
        // runs for every statement the engine prepares, so only its first characters are looked at (MyBatis trims
        // a dynamic statement's SQL: the mark comes first)
        if (((StatementHandler) invocation.getTarget()).getBoundSql().getSql().startsWith(MARK)) {
            neverPreparedOnTheServer(statement);
        }
        return statement;
    }

    /** pgjdbc's threshold 0: an unnamed statement each time, which PostgreSQL plans with the values it is bound to. */
    static void neverPreparedOnTheServer(Statement statement) throws SQLException {
        if (statement.isWrapperFor(PGStatement.class)) {
            statement.unwrap(PGStatement.class).setPrepareThreshold(0);
        }
    }

    @Override
    public Object plugin(Object target) {
        return target instanceof StatementHandler ? Plugin.wrap(target, this) : target;
    }

    @Override
    public void setProperties(Properties properties) {
        // nothing to configure
    }
}
