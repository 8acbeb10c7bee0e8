package cn.medexam.qualification.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.springframework.stereotype.Component;

/**
 * Before each authorization check of a command the engine asks which groups hold any authorization at all
 * ({@code selectAuthorizedGroupIds}), with a statement that reads the whole authorization table: three rows per open
 * case. This plugin maps that statement name to {@code AuthorizedGroupIds.xml}, which finds the same group ids by
 * the group index, one probe per group. Installed like {@link TaskQueryGrants}, by the engine's statement mapping.
 */
@Component
public class AuthorizedGroupIds extends AbstractProcessEnginePlugin {

    static final String MAPPING = "cn/medexam/qualification/system/AuthorizedGroupIds.xml";
    static final String STATEMENT = "selectAuthorizedGroupIds";
    static final String BY_INDEX = "cn.medexam.qualification.system.AuthorizedGroupIds.selectAuthorizedGroupIdsByIndex";

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
        if (!mybatis.isResourceLoaded(MAPPING)) {
            try (InputStream xml = AuthorizedGroupIds.class.getClassLoader().getResourceAsStream(MAPPING)) {
                if (xml == null) {
                    throw new IllegalStateException(MAPPING + " is missing from the class path");
                }
                new XMLMapperBuilder(xml, mybatis, MAPPING, mybatis.getSqlFragments()).parse();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        DbSqlSessionFactory factory = configuration.getDbSqlSessionFactory();
        Map<String, String> mappings = factory.getStatementMappings() == null
                ? new HashMap<>()
                : new HashMap<>(factory.getStatementMappings());
        mappings.put(STATEMENT, BY_INDEX);
        factory.setStatementMappings(mappings);
    }
}
