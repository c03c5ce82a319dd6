package dev.outpost.gateway.cron;

import static dev.outpost.gateway.testing.GatewayTestResources.ACCOUNT;
import static dev.outpost.gateway.testing.GatewayTestResources.TOKEN;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.contracts.gateway.v1.Outcome;
import dev.outpost.contracts.gateway.v1.ScheduledRequest;
import dev.outpost.contracts.gateway.v1.ScheduledResponse;
import dev.outpost.contracts.gateway.v1.WorkerDispatchServiceGrpc;
import dev.outpost.contracts.gateway.v1.WorkerRef;
import dev.outpost.gateway.testing.GatewayTestResources;
import dev.outpost.gateway.testing.ScriptUploads;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * CRON-1 / CRON-3 against the real gateway and PostgreSQL: the runner evaluates minutes the test picks (Feb 29 of
 * far-off leap years, so the live once-a-minute timer never matches these triggers).
 */
@QuarkusTest
@QuarkusTestResource(GatewayTestResources.class)
class CronSchedulerTest {
    static final String BASE = "/client/v4/accounts/" + ACCOUNT + "/workers/scripts/";
    static final Instant LEAP_MINUTE = Instant.parse("2096-02-29T03:13:00Z");
    static final Instant LATER_LEAP_MINUTE = Instant.parse("2104-02-29T03:13:00Z");

    @Inject
    CronScheduler scheduler;
    @Inject
    CronRunStore runs;

    static String worker(String version) {
        return """
                export default {
                  async fetch() { return new Response('x'); },
                  async scheduled(controller, env, ctx) {
                    const seen = `VERSION ${controller.type} ${controller.cron} ${controller.scheduledTime}`;
                    if (controller.cron === '13 3 29 2 *') throw new Error(seen);
                    if (controller.cron === '13 3 29 FEB *') { controller.noRetry(); throw new Error(seen); }
                    ctx.waitUntil(Promise.resolve());
                  },
                };
                """.replace("VERSION", version);
    }

    static void schedules(String name, String json) {
        given().header("Authorization", "Bearer " + TOKEN).contentType("application/json").body(json)
                .put(BASE + name + "/schedules").then().statusCode(200);
    }

    static List<CronRun> evaluate(CronScheduler scheduler, Instant minute) throws Exception {
        return scheduler.evaluate(minute).toCompletableFuture().get(60, TimeUnit.SECONDS).stream()
                .filter(r -> r.trigger().version().scriptName().equals("cron-runner"))
                .sorted(Comparator.comparing(r -> r.trigger().cron())).toList();
    }

    @Test
    void matchingTriggersRunOncePerMinuteWithTheirCronAndTimeAndOutcomesAreRecorded() throws Exception {
        ScriptUploads.deploy("cron-runner", "[]", worker("v1")).statusCode(200);
        schedules("cron-runner", "[{\"cron\":\"13 3 29 2 *\"},{\"cron\":\"13 3 29 FEB *\"},{\"cron\":\"*/13 3 29 2 *\"},"
                + "{\"cron\":\"14 3 29 2 *\"}]");

        // CRON-1: three of the four expressions match; each runs with controller.cron exactly as configured
        List<CronRun> first = evaluate(scheduler, LEAP_MINUTE);
        assertEquals(List.of("*/13 3 29 2 *", "13 3 29 2 *", "13 3 29 FEB *"), first.stream().map(r -> r.trigger().cron()).toList());
        assertTrue(first.stream().allMatch(CronRun::claimed));
        CronRun ok = first.get(0);
        assertEquals("ok", ok.outcome());
        assertEquals(1, ok.attempts());
        CronRun retried = first.get(1);
        assertEquals("exception", retried.outcome());
        assertEquals(2, retried.attempts(), "a failed run is retried once");
        assertTrue(retried.error().startsWith("Error: v1 scheduled 13 3 29 2 * " + LEAP_MINUTE.toEpochMilli()), retried.error());
        CronRun noRetry = first.get(2);
        assertEquals("exception", noRetry.outcome());
        assertEquals(1, noRetry.attempts(), "noRetry() forbids the retry");
        assertTrue(noRetry.error().startsWith("Error: v1 scheduled 13 3 29 FEB * " + LEAP_MINUTE.toEpochMilli()), noRetry.error());

        // the outcome is what PostgreSQL holds
        CronRun stored = runs.find(retried.trigger(), LEAP_MINUTE).await().indefinitely();
        assertEquals("exception", stored.outcome());
        assertEquals(2, stored.attempts());
        assertEquals(retried.error(), stored.error());
        assertEquals("ok", runs.find(ok.trigger(), LEAP_MINUTE).await().indefinitely().outcome());
        assertNull(runs.find(ok.trigger(), LEAP_MINUTE.plusSeconds(60)).await().indefinitely(),
                "no row for a minute that was not evaluated");

        // CRON-3: the same minute evaluated again (another replica, or a timer that woke twice) runs nothing
        List<CronRun> again = evaluate(scheduler, LEAP_MINUTE);
        assertEquals(3, again.size());
        assertTrue(again.stream().noneMatch(CronRun::claimed), "claimed already");
        assertEquals(2, runs.find(retried.trigger(), LEAP_MINUTE).await().indefinitely().attempts());

        // a minute none of them matches runs nothing
        assertEquals(List.of(), evaluate(scheduler, LEAP_MINUTE.plusSeconds(120)));

        // a new version and a new schedule set count from the next evaluation on
        ScriptUploads.deploy("cron-runner", "[]", worker("v2")).statusCode(200);
        schedules("cron-runner", "[{\"cron\":\"13 3 29 2 *\"}]");
        List<CronRun> later = evaluate(scheduler, LATER_LEAP_MINUTE);
        assertEquals(1, later.size());
        assertTrue(later.get(0).error().startsWith("Error: v2 scheduled 13 3 29 2 * " + LATER_LEAP_MINUTE.toEpochMilli()),
                later.get(0).error());

        // pruning drops the records before a time and keeps the rest
        assertTrue(runs.prune(LATER_LEAP_MINUTE).await().indefinitely() >= 3);
        assertNull(runs.find(retried.trigger(), LEAP_MINUTE).await().indefinitely());
        assertNotNull(runs.find(later.get(0).trigger(), LATER_LEAP_MINUTE).await().indefinitely());
        schedules("cron-runner", "[]");
    }

    @Test
    void workerDispatchScheduledRunsTheHandlerOverGrpc() throws Exception {
        // CRON-1 over gRPC (WorkerDispatchService.Scheduled), the runner's path
        ScriptUploads.deploy("cron-grpc", "[]", worker("grpc")).statusCode(200);
        ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", RestAssured.port).usePlaintext().build();
        try {
            var stub = WorkerDispatchServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
            WorkerRef worker = WorkerRef.newBuilder().setAccountId(ACCOUNT).setScriptName("cron-grpc").build();
            ScheduledResponse ok = stub.scheduled(ScheduledRequest.newBuilder().setWorker(worker).setCron("0 * * * *")
                    .setScheduledTimeMs(1_700_000_000_000L).build());
            assertEquals(Outcome.OUTCOME_OK, ok.getOutcome());
            ScheduledResponse failed = stub.scheduled(ScheduledRequest.newBuilder().setWorker(worker).setCron("13 3 29 FEB *")
                    .setScheduledTimeMs(1_700_000_000_000L).build());
            assertEquals(Outcome.OUTCOME_EXCEPTION, failed.getOutcome());
            assertTrue(failed.getNoRetry());
            assertTrue(failed.getError().startsWith("Error: grpc scheduled 13 3 29 FEB * 1700000000000"), failed.getError());
            ScheduledResponse missing = stub.scheduled(ScheduledRequest.newBuilder()
                    .setWorker(WorkerRef.newBuilder().setAccountId(ACCOUNT).setScriptName("no-such-cron-worker")).build());
            assertEquals(Outcome.OUTCOME_SCRIPT_NOT_FOUND, missing.getOutcome());
            assertFalse(missing.getError().isEmpty());
        } finally {
            channel.shutdownNow();
        }
    }
}
