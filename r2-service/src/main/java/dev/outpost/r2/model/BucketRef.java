package dev.outpost.r2.model;

/**
 * Which bucket a call addresses: always with the account, so one account can never reach another's
 * bucket by guessing its name. Jurisdiction "" means the default one.
 */
public record BucketRef(String accountId, String name, String jurisdiction) {

    public BucketRef {
        accountId = accountId == null ? "" : accountId;
        name = name == null ? "" : name;
        jurisdiction = jurisdiction == null || jurisdiction.equals("default") ? "" : jurisdiction;
    }

    public static BucketRef of(String accountId, String name) {
        return new BucketRef(accountId, name, "");
    }
}
