package dev.outpost.localstack.deploy;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The modules of a worker and which one is the entry point.
 * A file is a one-module worker named by its file name; a folder contributes every module file under it
 * (.js .mjs .txt .html .bin .wasm; hidden folders and node_modules skipped), and its main module is
 * {@code --main} or else the first of index.js, src/index.js, worker.js, main.js that exists.
 */
public record WorkerBundle(String mainModule, List<WorkerModule> modules) {
    static final List<String> MAIN_CANDIDATES = List.of("index.js", "src/index.js", "worker.js", "main.js");

    public WorkerBundle {
        modules = List.copyOf(modules);
    }

    public static WorkerBundle fromPath(Path path, String main) throws IOException {
        if (Files.isRegularFile(path)) {
            String name = path.getFileName().toString();
            String type = WorkerModule.contentTypeFor(name)
                    .orElseThrow(() -> new IllegalArgumentException(path + " is not a module file (.js, .mjs, .txt, .html, .bin, .wasm)"));
            if (main != null && !main.equals(name)) {
                throw new IllegalArgumentException("--main " + main + " does not name the uploaded file " + name);
            }
            return new WorkerBundle(name, List.of(new WorkerModule(name, type, Files.readAllBytes(path))));
        }
        if (!Files.isDirectory(path)) {
            throw new IllegalArgumentException(path + " does not exist");
        }
        List<WorkerModule> modules = new ArrayList<>();
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String n = dir.getFileName() == null ? "" : dir.getFileName().toString();
                boolean skip = !dir.equals(path) && (n.startsWith(".") || n.equals("node_modules"));
                return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Optional<String> type = WorkerModule.contentTypeFor(file.getFileName().toString());
                if (attrs.isRegularFile() && type.isPresent()) {
                    String name = path.relativize(file).toString().replace(java.io.File.separatorChar, '/');
                    modules.add(new WorkerModule(name, type.get(), Files.readAllBytes(file)));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        modules.sort(Comparator.comparing(WorkerModule::name));
        if (modules.isEmpty()) {
            throw new IllegalArgumentException(path + " holds no module files (.js, .mjs, .txt, .html, .bin, .wasm)");
        }
        List<String> names = modules.stream().map(WorkerModule::name).toList();
        String chosen;
        if (main != null) {
            chosen = main.replace('\\', '/');
            if (chosen.startsWith("./")) {
                chosen = chosen.substring(2);
            }
            if (!names.contains(chosen)) {
                throw new IllegalArgumentException("--main " + main + " is not a module of " + path + " (modules: " + String.join(", ", names) + ")");
            }
        } else {
            chosen = MAIN_CANDIDATES.stream().filter(names::contains).findFirst().orElseThrow(() -> new IllegalArgumentException(
                    "no main module in " + path + ": none of " + String.join(", ", MAIN_CANDIDATES) + " exists; pass --main MODULE"));
        }
        if (!WorkerModule.ESM.equals(modules.get(names.indexOf(chosen)).contentType())) {
            throw new IllegalArgumentException("--main " + chosen + " is not a JavaScript module");
        }
        return new WorkerBundle(chosen, modules);
    }
}
