package cn.medexam.qualification.system;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The name of this application node among the nodes that share one database ({@code qr.node-name}, default the
 * host name and process id). It is the engine's lock owner of the jobs this node takes (ACT_RU_JOB.LOCK_OWNER_),
 * its host name in the job log (ACT_HI_JOB_LOG.HOSTNAME_) and the node of each SMS attempt (sms_attempt.node), so
 * that who held or ran what can be read from the database after a node died.
 */
@Component
public class NodeName {

    private final String value;

    public NodeName(@Value("${qr.node-name:}") String configured) {
        String name = configured == null || configured.isBlank() ? hostAndPid() : configured.trim();
        this.value = name.length() <= 100 ? name : name.substring(0, 100);
    }

    public String value() {
        return value;
    }

    private static String hostAndPid() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "node";
        }
        return host + "-" + ProcessHandle.current().pid();
    }
}
