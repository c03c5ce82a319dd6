package dev.outpost.runtime.glue;

import com.caoccao.javet.exceptions.BaseJavetScriptingException;
import com.caoccao.javet.exceptions.JavetScriptingError;

/** Formats JavaScript failures as one-line messages like the platform's ("Uncaught TypeError: x at main.js:3"). */
public final class JsErrors {
    private JsErrors() {
    }

    /** A compile or execution failure reported by Javet. */
    public static String uncaught(BaseJavetScriptingException e) {
        JavetScriptingError error = e.getScriptingError();
        if (error == null) {
            return "Uncaught " + e.getMessage();
        }
        String stack = error.getStack();
        if (stack != null && !stack.isBlank() && stack.contains("\n    at ")) {
            return uncaughtFromStack(stack);
        }
        // Javet's exception message carries the error name ("SyntaxError: ..."), the scripting error's does not.
        String message = e.getMessage() != null && !e.getMessage().isBlank() ? e.getMessage() : error.getMessage();
        StringBuilder sb = new StringBuilder("Uncaught ").append(message);
        if (error.getResourceName() != null && !error.getResourceName().isEmpty()) {
            sb.append(" at ").append(error.getResourceName());
            if (error.getLineNumber() > 0) {
                sb.append(':').append(error.getLineNumber());
            }
        }
        return sb.toString();
    }

    /** From an Error's stack text ("Error: boom\n    at f (main.js:2:7)") to "Uncaught Error: boom at main.js:2:7". */
    public static String uncaughtFromStack(String stack) {
        int frame = stack.indexOf("\n    at ");
        if (frame < 0) {
            return "Uncaught " + stack;
        }
        String head = stack.substring(0, frame);
        int end = stack.indexOf('\n', frame + 1);
        String line = stack.substring(frame + "\n    at ".length(), end < 0 ? stack.length() : end).trim();
        int open = line.lastIndexOf('(');
        String location = open >= 0 && line.endsWith(")") ? line.substring(open + 1, line.length() - 1) : line;
        return "Uncaught " + head + " at " + location;
    }

    /** The message of a Java failure, as the JS Error that a binding promise rejects with should carry it. */
    public static String messageOf(Throwable t) {
        Throwable cause = t;
        while ((cause instanceof java.util.concurrent.CompletionException
                || cause instanceof java.util.concurrent.ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null || message.isBlank() ? "internal error" : message;
    }
}
