package dev.outpost.gateway.controlplane.secrets;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outpost.gateway.hosting.BindingSpec;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Secret bindings as stored: a {@code secret_text} binding keeps its value only as
 * {@code text_encrypted}; everything else is stored as uploaded.
 */
@ApplicationScoped
public class SecretBindings {
    public static final String TYPE = "secret_text";
    static final String SEALED = "text_encrypted";

    private final SecretCipher cipher;

    public SecretBindings(SecretCipher cipher) {
        this.cipher = cipher;
    }

    /** The bindings to store: every plain secret value replaced by its ciphertext. */
    public List<BindingSpec> seal(List<BindingSpec> bindings) {
        return bindings.stream().map(this::seal).toList();
    }

    public BindingSpec seal(BindingSpec binding) {
        if (!TYPE.equals(binding.type()) || binding.text("text") == null) {
            return binding;
        }
        ObjectNode stored = ((ObjectNode) binding.fields()).deepCopy();
        stored.remove("text");
        stored.put(SEALED, cipher.encrypt(binding.text("text")));
        return new BindingSpec(binding.name(), binding.type(), stored);
    }

    /** The value a worker sees for a secret binding, stored (sealed) or just uploaded (plain). */
    public String value(BindingSpec binding) {
        String plain = binding.text("text");
        return plain != null ? plain : cipher.decrypt(binding.text(SEALED));
    }
}
