package org.labelbench.dataset.export;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stable stand-ins for annotator names: {@code annotator-} and the first 10 hex digits of
 * HMAC-SHA256(project key, name). The same name in the same project always gives the same
 * pseudonym; without the key nobody can test a guessed name against it.
 */
public final class Pseudonyms {
    public static final String PREFIX = "annotator-";
    private final SecretKeySpec key;

    public Pseudonyms(byte[] key) {
        if (key.length < 16) {
            throw new IllegalArgumentException("pseudonym key too short: " + key.length + " bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    public String of(String name) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(name.getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(digest).substring(0, 10);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
