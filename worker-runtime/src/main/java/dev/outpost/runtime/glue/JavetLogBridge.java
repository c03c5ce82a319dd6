package dev.outpost.runtime.glue;

import com.caoccao.javet.interfaces.IJavetLogger;
import org.jboss.logging.Logger;

/** Routes Javet's own log (leaked references and the like) to jboss-logging instead of java.util.logging. */
public final class JavetLogBridge implements IJavetLogger {
    private static final Logger LOG = Logger.getLogger("dev.outpost.runtime.javet");

    @Override
    public void debug(String message) {
        LOG.debug(message);
    }

    @Override
    public void error(String message) {
        LOG.error(message);
    }

    @Override
    public void error(String message, Throwable cause) {
        LOG.error(message, cause);
    }

    @Override
    public void info(String message) {
        LOG.debug(message);
    }

    @Override
    public void warn(String message) {
        // Javet warns about references it recycles on close; that is routine for a closing isolate.
        LOG.debug(message);
    }
}
