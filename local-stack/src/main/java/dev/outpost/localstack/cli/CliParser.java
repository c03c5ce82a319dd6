package dev.outpost.localstack.cli;

import dev.outpost.localstack.Component;
import dev.outpost.localstack.deploy.DeployRequest;
import dev.outpost.localstack.deploy.WranglerConfig;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Turns {@code outpost} arguments into a {@link CliCommand}; wrong input is a {@link UsageException}. */
public final class CliParser {
    public static final String USAGE = String.join("\n",
            "usage: outpost <command> [options]",
            "",
            "  up [component...]        start the local stack (default: everything) and wait until it is ready",
            "  down                     stop everything the local stack started",
            "  status                   each component: running/stopped, pid, port, ready",
            "  logs [component] [-f] [-n N]",
            "                           last N (40) lines of a component's log (or of all); -f keeps following",
            "  deploy <file-or-dir> [--name <worker>] [--var KEY=VALUE]... [--kv BINDING=NAMESPACE_TITLE]...",
            "         [--compatibility-date YYYY-MM-DD] [--compatibility-flag FLAG]... [--main MODULE]",
            "                           upload a worker to the local gateway; a folder's wrangler.toml / wrangler.jsonc",
            "                           supplies name, main, vars, kv_namespaces, d1_databases and compatibility settings",
            "  env                      print export lines for wrangler and S3 clients (eval \"$(outpost env)\")",
            "",
            "components: postgres kafka s3 kv-service r2-service d1-service durable-object-service queue-service",
            "            gateway-service (short: pg kv r2 d1 do queue gateway)",
            "environment: OUTPOST_HOME (state dir, default <repo>/.outpost), OUTPOST_PORT_OFFSET (added to every port, default 0)");

    static final Pattern WORKER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,62}");
    static final Pattern BINDING_NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

    private CliParser() {
    }

    public static CliCommand parse(List<String> args, LocalDate today) {
        if (args.isEmpty()) {
            throw new UsageException("no command given");
        }
        String cmd = args.get(0);
        List<String> rest = args.subList(1, args.size());
        return switch (cmd) {
            case "up" -> new CliCommand.Up(rest.stream().map(CliParser::component).toList());
            case "down" -> noArgs(cmd, rest, new CliCommand.Down());
            case "status" -> noArgs(cmd, rest, new CliCommand.Status());
            case "env" -> noArgs(cmd, rest, new CliCommand.Env());
            case "logs" -> logs(rest);
            case "deploy" -> deploy(rest, today);
            case "help", "-h", "--help" -> new CliCommand.Help();
            default -> throw new UsageException("unknown command '" + cmd + "'");
        };
    }

    private static CliCommand noArgs(String cmd, List<String> rest, CliCommand command) {
        if (!rest.isEmpty()) {
            throw new UsageException(cmd + " takes no arguments, got: " + String.join(" ", rest));
        }
        return command;
    }

    private static Component component(String name) {
        try {
            return Component.parse(name);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static CliCommand logs(List<String> args) {
        Optional<Component> component = Optional.empty();
        boolean follow = false;
        int lines = 40;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "-f", "--follow" -> follow = true;
                case "-n", "--lines" -> {
                    String v = value(args, i++, a);
                    try {
                        lines = Integer.parseInt(v);
                    } catch (NumberFormatException e) {
                        throw new UsageException(a + " needs a number, got '" + v + "'");
                    }
                    if (lines < 0) {
                        throw new UsageException(a + " must not be negative");
                    }
                }
                default -> {
                    if (a.startsWith("-")) {
                        throw new UsageException("logs: unknown option " + a);
                    }
                    if (component.isPresent()) {
                        throw new UsageException("logs takes one component, got " + component.get().id() + " and " + a);
                    }
                    component = Optional.of(component(a));
                }
            }
        }
        return new CliCommand.Logs(component, follow, lines);
    }

    private static CliCommand deploy(List<String> args, LocalDate today) {
        Path source = null;
        String name = null;
        String main = null;
        LocalDate date = today;
        boolean dateGiven = false;
        Map<String, String> vars = new LinkedHashMap<>();
        Map<String, String> kv = new LinkedHashMap<>();
        List<String> flags = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String inlineValue = null;
            if (a.startsWith("--") && a.contains("=")) {
                // --name=hello style
                inlineValue = a.substring(a.indexOf('=') + 1);
                a = a.substring(0, a.indexOf('='));
            }
            switch (a) {
                case "--name" -> name = inlineValue != null ? inlineValue : value(args, i++, a);
                case "--main" -> main = inlineValue != null ? inlineValue : value(args, i++, a);
                case "--var" -> {
                    String[] kvp = pair(a, inlineValue != null ? inlineValue : value(args, i++, a));
                    vars.put(binding(a, kvp[0]), kvp[1]);
                }
                case "--kv" -> {
                    String[] kvp = pair(a, inlineValue != null ? inlineValue : value(args, i++, a));
                    if (kvp[1].isBlank()) {
                        throw new UsageException("--kv " + kvp[0] + "= needs a namespace title");
                    }
                    kv.put(binding(a, kvp[0]), kvp[1]);
                }
                case "--compatibility-date" -> {
                    String v = inlineValue != null ? inlineValue : value(args, i++, a);
                    try {
                        date = LocalDate.parse(v);
                        dateGiven = true;
                    } catch (DateTimeParseException e) {
                        throw new UsageException("--compatibility-date must be YYYY-MM-DD, got '" + v + "'");
                    }
                }
                case "--compatibility-flag" -> flags.add(inlineValue != null ? inlineValue : value(args, i++, a));
                default -> {
                    if (a.startsWith("-")) {
                        throw new UsageException("deploy: unknown option " + a);
                    }
                    if (source != null) {
                        throw new UsageException("deploy takes one file or folder, got " + source + " and " + a);
                    }
                    source = Path.of(a);
                }
            }
        }
        if (source == null) {
            throw new UsageException("deploy needs a file or folder");
        }
        boolean configured = WranglerConfig.locate(source).isPresent();
        if (name == null && !configured) {
            throw new UsageException("deploy needs --name <worker> (or a folder with a wrangler.toml/wrangler.jsonc naming it)");
        }
        if (configured && !dateGiven) {
            date = null; // the configuration file's compatibility_date, else today
        }
        if (name != null && !WORKER_NAME.matcher(name).matches()) {
            throw new UsageException("--name must be 1-63 letters, digits, '-' or '_' starting with a letter or digit, got '" + name + "'");
        }
        Map<String, String> overlap = new LinkedHashMap<>(vars);
        overlap.keySet().retainAll(kv.keySet());
        if (!overlap.isEmpty()) {
            throw new UsageException("binding name used twice: " + String.join(", ", overlap.keySet()));
        }
        return new CliCommand.Deploy(new DeployRequest(source, name, vars, kv, date, flags, main));
    }

    private static String value(List<String> args, int i, String option) {
        if (i + 1 >= args.size()) {
            throw new UsageException(option + " needs a value");
        }
        return args.get(i + 1);
    }

    private static String[] pair(String option, String value) {
        int eq = value.indexOf('=');
        if (eq <= 0) {
            throw new UsageException(option + " needs NAME=VALUE, got '" + value + "'");
        }
        return new String[] {value.substring(0, eq), value.substring(eq + 1)};
    }

    private static String binding(String option, String name) {
        if (!BINDING_NAME.matcher(name).matches()) {
            throw new UsageException(option + ": '" + name + "' is not a valid binding name (a JavaScript identifier)");
        }
        return name;
    }
}
