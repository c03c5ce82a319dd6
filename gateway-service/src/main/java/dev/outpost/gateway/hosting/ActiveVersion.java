package dev.outpost.gateway.hosting;

import java.util.UUID;

/** The version of a worker that currently serves its traffic. */
public record ActiveVersion(String accountId, String scriptName, UUID versionId) {
}
