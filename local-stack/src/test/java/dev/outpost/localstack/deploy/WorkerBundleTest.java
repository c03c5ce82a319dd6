package dev.outpost.localstack.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkerBundleTest {
    @TempDir
    Path dir;

    private Path write(String relative, String content) throws Exception {
        Path f = dir.resolve(relative);
        Files.createDirectories(f.getParent());
        Files.writeString(f, content);
        return f;
    }

    @Test
    void aFileIsAOneModuleWorkerNamedByItsFileName() throws Exception {
        Path f = write("sub/worker.mjs", "export default {}");
        WorkerBundle b = WorkerBundle.fromPath(f, null);
        assertEquals("worker.mjs", b.mainModule());
        assertEquals(1, b.modules().size());
        assertEquals(WorkerModule.ESM, b.modules().get(0).contentType());
        assertArrayEquals("export default {}".getBytes(), b.modules().get(0).content());
    }

    @Test
    void aFolderContributesEveryModuleFileWithRelativeNamesAndTypes() throws Exception {
        write("src/index.js", "import t from './page.html'");
        write("src/page.html", "<p>");
        write("src/lib/util.mjs", "export const x = 1");
        write("data/blob.bin", "\u0001");
        write("data/add.wasm", "\0asm");
        write("notes.txt", "hi");
        write("README.md", "# not a module");
        write("wrangler.toml", "name='x'");
        write("node_modules/dep/index.js", "skipped");
        write(".wrangler/tmp/x.js", "skipped");
        WorkerBundle b = WorkerBundle.fromPath(dir, null);
        assertEquals("src/index.js", b.mainModule());
        assertEquals(List.of("data/add.wasm", "data/blob.bin", "notes.txt", "src/index.js", "src/lib/util.mjs", "src/page.html"),
                b.modules().stream().map(WorkerModule::name).toList());
        assertEquals(List.of("application/wasm", "application/octet-stream", "text/plain", WorkerModule.ESM, WorkerModule.ESM, "text/plain"),
                b.modules().stream().map(WorkerModule::contentType).toList());
    }

    @Test
    void mainIsPickedInOrderIndexSrcIndexWorkerMain() throws Exception {
        write("main.js", "");
        assertEquals("main.js", WorkerBundle.fromPath(dir, null).mainModule());
        write("worker.js", "");
        assertEquals("worker.js", WorkerBundle.fromPath(dir, null).mainModule());
        write("src/index.js", "");
        assertEquals("src/index.js", WorkerBundle.fromPath(dir, null).mainModule());
        write("index.js", "");
        assertEquals("index.js", WorkerBundle.fromPath(dir, null).mainModule());
        assertEquals("worker.js", WorkerBundle.fromPath(dir, "./worker.js").mainModule());
    }

    @Test
    void badInputGetsAClearError() throws Exception {
        write("lib.js", "");
        write("page.html", "");
        String noMain = assertThrows(IllegalArgumentException.class, () -> WorkerBundle.fromPath(dir, null)).getMessage();
        assertTrue(noMain.contains("--main"), noMain);
        String unknown = assertThrows(IllegalArgumentException.class, () -> WorkerBundle.fromPath(dir, "app.js")).getMessage();
        assertTrue(unknown.contains("app.js") && unknown.contains("lib.js"), unknown);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WorkerBundle.fromPath(dir, "page.html"))
                .getMessage().contains("not a JavaScript module"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WorkerBundle.fromPath(dir.resolve("nope"), null))
                .getMessage().contains("does not exist"));
        Path md = write("x/README.md", "");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WorkerBundle.fromPath(md, null))
                .getMessage().contains("not a module file"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WorkerBundle.fromPath(dir.resolve("x"), null))
                .getMessage().contains("no module files"));
    }
}
