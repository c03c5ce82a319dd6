package dev.outpost.gateway.ingress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.runtime.WorkerResponse;
import dev.outpost.runtime.io.ErrorResponses;
import dev.outpost.runtime.io.LimitKind;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RT-14: which responses become Cloudflare error pages, and in which form. */
class ErrorPagesTest {

    private static String body(WorkerResponse response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    void resourceLimitsAre1102AndExceptions1101() {
        WorkerResponse cpu = ErrorPages.render(ErrorResponses.limitExceeded(LimitKind.CPU), "*/*", "ray", "w.localhost");
        assertEquals(503, cpu.status());
        assertEquals("error code: 1102", body(cpu));
        WorkerResponse memory = ErrorPages.render(ErrorResponses.limitExceeded(LimitKind.MEMORY), "application/json", "ray", "h");
        assertEquals("{\"title\":\"Worker exceeded resource limits\",\"status\":503,\"error_code\":1102,"
                + "\"error_name\":\"worker_exceeded_resource_limits\",\"ray_id\":\"ray\"}", body(memory));
        WorkerResponse html = ErrorPages.render(ErrorResponses.internalError(), "text/html,*/*", "abc-LCL", "w.localhost");
        assertEquals(500, html.status());
        assertTrue(body(html).contains("<span>1101</span>") && body(html).contains("Ray ID: <strong>abc-LCL</strong>"), body(html));
    }

    @Test
    void aWorkersOwnLookAlikeResponseIsLeftAlone() {
        WorkerResponse own = new WorkerResponse(500, "Internal Server Error", List.of(),
                "Internal Server Error".getBytes(StandardCharsets.UTF_8));
        assertSame(own, ErrorPages.render(own, "*/*", "ray", "h"));
        WorkerResponse unavailable = ErrorResponses.unavailable();
        assertSame(unavailable, ErrorPages.render(unavailable, "*/*", "ray", "h"));
    }
}
