package cn.medexam.qualification.notification;

import java.util.ArrayList;
import java.util.List;

/** Every kind of SMS, for tests outside this package: one approved provider template per kind. */
public final class MessageKinds {

    private MessageKinds() {}

    /** The message kinds of the process and the activation code (candidate.ActivationService). */
    public static List<String> everySms() {
        List<String> kinds = new ArrayList<>();
        for (MessageKind kind : MessageKind.values()) {
            kinds.add(kind.name());
        }
        kinds.add("ACTIVATION_CODE");
        return kinds;
    }
}
