package dev.outpost.gateway.controlplane.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outpost.gateway.controlplane.auth.AccountAccess;
import dev.outpost.gateway.controlplane.model.WorkerSchedule;
import dev.outpost.gateway.controlplane.schedules.ScheduleStore;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Cron triggers of a worker (API-5): {@code PUT [{cron}]} replaces them ({@code []} clears), GET lists them. */
@Path("/client/v4/accounts/{account_id}/workers/scripts/{script_name}/schedules")
@Produces(MediaType.APPLICATION_JSON)
public class SchedulesResource {
    private final ScheduleStore schedules;

    public SchedulesResource(ScheduleStore schedules) {
        this.schedules = schedules;
    }

    @GET
    public Uni<Envelope<Map<String, Object>>> list(@PathParam("account_id") String accountId,
            @PathParam("script_name") String scriptName, @Context ContainerRequestContext request) {
        AccountAccess.require(request, accountId, "workers", false);
        return schedules.list(accountId, scriptName).map(SchedulesResource::result);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Envelope<Map<String, Object>>> replace(@PathParam("account_id") String accountId,
            @PathParam("script_name") String scriptName, JsonNode body, @Context ContainerRequestContext request) {
        AccountAccess.require(request, accountId, "workers", true);
        if (body == null || !body.isArray()) {
            throw new ApiException(ApiError.BAD_REQUEST, "The body must be an array of schedules, e.g. [{\"cron\":\"*/5 * * * *\"}]");
        }
        List<String> crons = new ArrayList<>();
        for (JsonNode item : body) {
            JsonNode cron = item.isTextual() ? item : item.get("cron");
            if (cron == null || !cron.isTextual()) {
                throw new ApiException(ApiError.BAD_REQUEST, "Every schedule needs a cron string");
            }
            crons.add(cron.asText());
        }
        return schedules.replace(accountId, scriptName, crons).map(SchedulesResource::result);
    }

    private static Envelope<Map<String, Object>> result(List<WorkerSchedule> list) {
        return Envelope.ok(Map.of("schedules", list.stream().map(s -> Map.of("cron", s.key.cron,
                "created_on", s.createdOn.toString(), "modified_on", s.modifiedOn.toString())).toList()));
    }
}
