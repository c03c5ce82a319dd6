package dev.outpost.kv.grpc;

import static dev.outpost.kv.grpc.GrpcTestSupport.assertKvError;
import static dev.outpost.kv.grpc.GrpcTestSupport.caller;
import static dev.outpost.kv.grpc.GrpcTestSupport.newAccount;
import static dev.outpost.kv.grpc.GrpcTestSupport.newNamespace;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.google.protobuf.ByteString;

import dev.outpost.contracts.kv.v1.BulkDeleteRequest;
import dev.outpost.contracts.kv.v1.BulkPutRequest;
import dev.outpost.contracts.kv.v1.BulkResponse;
import dev.outpost.contracts.kv.v1.DeleteRequest;
import dev.outpost.contracts.kv.v1.GetManyRequest;
import dev.outpost.contracts.kv.v1.GetManyResponse;
import dev.outpost.contracts.kv.v1.GetRequest;
import dev.outpost.contracts.kv.v1.GetResponse;
import dev.outpost.contracts.kv.v1.KeyInfo;
import dev.outpost.contracts.kv.v1.KvServiceGrpc;
import dev.outpost.contracts.kv.v1.ListRequest;
import dev.outpost.contracts.kv.v1.ListResponse;
import dev.outpost.contracts.kv.v1.NamespaceRef;
import dev.outpost.contracts.kv.v1.PutRequest;
import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;

/** Keys and values over a real gRPC connection (test profile: minimum TTL 2 s, index chunks of 64 keys). */
@QuarkusTest
class KvGrpcServiceTest {

    private static final int MIN_TTL = 2;

    @GrpcClient("kv")
    KvServiceGrpc.KvServiceBlockingStub kv;

    // KV-2, KV-5, KV-6
    @Test
    void putGetDeleteRoundTrip() {
        NamespaceRef ns = newNamespace(kv, newAccount());
        assertFalse(get(ns, "greeting").getFound(), "missing key is found=false, not an error");

        put(ns, "greeting", "hello");
        GetResponse got = get(ns, "greeting");
        assertTrue(got.getFound());
        assertEquals("hello", got.getValue().toStringUtf8());
        assertEquals("", got.getMetadataJson());
        assertEquals(0, got.getExpiration());

        put(ns, "greeting", "hello again"); // last write wins
        assertEquals("hello again", get(ns, "greeting").getValue().toStringUtf8());

        kv.delete(DeleteRequest.newBuilder().setNs(ns).setKey("greeting").build());
        assertFalse(get(ns, "greeting").getFound());
        kv.delete(DeleteRequest.newBuilder().setNs(ns).setKey("greeting").build()); // KV-6: missing is fine
        assertTrue(list(ns, "", 0, "").getKeysList().isEmpty());
    }

    // KV-4, KV-5, KV-7: metadata and expiration come back from get and list.
    @Test
    void metadataAndExpirationRoundTrip() {
        NamespaceRef ns = newNamespace(kv, newAccount());
        long now = System.currentTimeMillis() / 1000;
        kv.put(PutRequest.newBuilder().setNs(ns).setKey("ttl").setValue(utf8("a"))
                .setExpirationTtl(3600).setMetadataJson("{\"owner\":\"ada\",\"n\":1}").build());
        kv.put(PutRequest.newBuilder().setNs(ns).setKey("abs").setValue(utf8("b")).setExpiration(now + 7200).build());

        GetResponse ttl = get(ns, "ttl");
        assertEquals("{\"owner\":\"ada\",\"n\":1}", ttl.getMetadataJson());
        assertTrue(ttl.getExpiration() >= now + 3600 && ttl.getExpiration() <= now + 3602, "expiration " + ttl.getExpiration());
        assertEquals(now + 7200, get(ns, "abs").getExpiration());

        List<KeyInfo> keys = list(ns, "", 0, "").getKeysList();
        assertEquals(List.of("abs", "ttl"), keys.stream().map(KeyInfo::getName).toList());
        assertEquals(now + 7200, keys.get(0).getExpiration());
        assertEquals("", keys.get(0).getMetadataJson());
        assertEquals(ttl.getExpiration(), keys.get(1).getExpiration());
        assertEquals("{\"owner\":\"ada\",\"n\":1}", keys.get(1).getMetadataJson());
    }

    // KV-7: 2,500 keys (ASCII and not) come back in UTF-8 byte order over cursor pages, without repeats.
    @Test
    void listPagesThroughThousandsOfKeysInUtf8Order() {
        NamespaceRef ns = newNamespace(kv, newAccount());
        String[] stems = { "user/", "Zeta-", "émile-", "\ue000pua-", "😀smile-" };
        List<String> written = new ArrayList<>();
        BulkPutRequest.Builder batch = BulkPutRequest.newBuilder().setNs(ns);
        for (int i = 0; i < 2500; i++) {
            String key = stems[i % stems.length] + String.format("%05d", (i * 7919) % 10007);
            written.add(key);
            batch.addEntries(PutRequest.newBuilder().setKey(key).setValue(utf8("v" + i)));
            if (batch.getEntriesCount() == 500) {
                assertEquals(500, kv.bulkPut(batch.build()).getSuccessfulKeyCount());
                batch = BulkPutRequest.newBuilder().setNs(ns);
            }
        }
        List<String> expected = written.stream()
                .sorted((a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)))
                .toList();

        List<String> seen = new ArrayList<>();
        String cursor = "";
        int pages = 0;
        while (true) {
            ListResponse page = list(ns, "", 1000, cursor);
            pages++;
            page.getKeysList().forEach(k -> seen.add(k.getName()));
            if (page.getListComplete()) {
                assertEquals("", page.getCursor(), "no cursor on the last page");
                break;
            }
            assertFalse(page.getCursor().isEmpty(), "a cursor while incomplete");
            cursor = page.getCursor();
        }
        assertEquals(3, pages);
        assertEquals(expected, seen);
        // The emoji sorts last, the private-use character before it (UTF-16 order would swap them).
        assertTrue(seen.get(seen.size() - 1).startsWith("😀"));

        // Prefix and limit.
        ListResponse first = list(ns, "émile-", 7, "");
        assertEquals(expected.stream().filter(k -> k.startsWith("émile-")).limit(7).toList(),
                first.getKeysList().stream().map(KeyInfo::getName).toList());
        assertFalse(first.getListComplete());
        ListResponse rest = list(ns, "émile-", 1000, first.getCursor());
        assertEquals(500 - 7, rest.getKeysCount());
        assertTrue(rest.getListComplete());
        assertTrue(list(ns, "nothing-here", 10, "").getListComplete());
    }

    // KV-2, KV-7: an expired key is gone from get and list at once (test profile: minimum TTL 2 s).
    @Test
    void expiredKeyIsGoneFromGetAndList() throws InterruptedException {
        NamespaceRef ns = newNamespace(kv, newAccount());
        kv.put(PutRequest.newBuilder().setNs(ns).setKey("brief").setValue(utf8("x")).setExpirationTtl(MIN_TTL).build());
        put(ns, "lasting", "y");
        long expiration = get(ns, "brief").getExpiration();
        assertEquals(List.of("brief", "lasting"), names(list(ns, "", 0, "")));

        while (System.currentTimeMillis() / 1000 < expiration) {
            Thread.sleep(100);
        }
        assertFalse(get(ns, "brief").getFound());
        assertEquals(List.of("lasting"), names(list(ns, "", 0, "")));
        GetManyResponse many = kv.getMany(GetManyRequest.newBuilder().setNs(ns).addKeys("brief").addKeys("lasting").build());
        assertFalse(many.getEntries(0).getFound());
        assertTrue(many.getEntries(1).getFound());
    }

    // KV-8, KV-11: every refused write leaves the namespace exactly as it was.
    @Test
    void refusedWritesLeaveDataUnchanged() {
        NamespaceRef ns = newNamespace(kv, newAccount());
        put(ns, "k", "original");
        long now = System.currentTimeMillis() / 1000;

        assertKvError(Status.Code.INVALID_ARGUMENT, "KV_KEY_EMPTY", "Key names must not be empty", () -> put(ns, "", "x"));
        assertKvError(Status.Code.INVALID_ARGUMENT, "KV_KEY_ILLEGAL", null, () -> put(ns, ".", "x"));
        assertKvError(Status.Code.INVALID_ARGUMENT, "KV_KEY_ILLEGAL", null, () -> put(ns, "..", "x"));
        assertKvError(Status.Code.INVALID_ARGUMENT, "KV_KEY_TOO_LONG",
                "UTF-8 encoded length of 513 exceeds key length limit of 512.", () -> put(ns, "k".repeat(513), "x"));
        assertKvError(Status.Code.INVALID_ARGUMENT, "KV_METADATA_TOO_LARGE", "Metadata length of 1025 exceeds limit of 1024.",
                () -> kv.put(PutRequest.newBuilder().setNs(ns).setKey("k").setValue(utf8("changed"))
                        .setMetadataJson("\"" + "m".repeat(1023) + "\"").build()));
        assertKvError(Status.Code.INVALID_ARGUMENT, "KV_EXPIRATION_TTL_INVALID",
                "Invalid expiration_ttl of 1. Expiration TTL must be at least " + MIN_TTL + ".",
                () -> kv.put(PutRequest.newBuilder().setNs(ns).setKey("k").setValue(utf8("changed")).setExpirationTtl(1).build()));
        assertKvError(Status.Code.INVALID_ARGUMENT, "KV_EXPIRATION_INVALID",
                "Invalid expiration of " + (now - 10)
                        + ". Please specify integer greater than the current number of seconds since the UNIX epoch.",
                () -> kv.put(PutRequest.newBuilder().setNs(ns).setKey("k").setValue(utf8("changed")).setExpiration(now - 10).build()));
        assertKvError(Status.Code.INVALID_ARGUMENT, "KV_VALUE_TOO_LARGE", "Value length of 26214401 exceeds limit of 26214400.",
                () -> kv.put(PutRequest.newBuilder().setNs(ns).setKey("k").setValue(ByteString.copyFrom(new byte[26_214_401])).build()));
        // A bulk write with one bad entry writes nothing.
        assertKvError(Status.Code.INVALID_ARGUMENT, "KV_KEY_EMPTY", null, () -> kv.bulkPut(BulkPutRequest.newBuilder().setNs(ns)
                .addEntries(PutRequest.newBuilder().setKey("k").setValue(utf8("changed")))
                .addEntries(PutRequest.newBuilder().setKey("new").setValue(utf8("x")))
                .addEntries(PutRequest.newBuilder().setKey("").setValue(utf8("x"))).build()));

        assertEquals("original", get(ns, "k").getValue().toStringUtf8());
        assertEquals(List.of("k"), names(list(ns, "", 0, "")));
    }

    // KV-8: the largest allowed value (25 MiB) fits through gRPC both ways.
    @Test
    void largestValueFits() {
        NamespaceRef ns = newNamespace(kv, newAccount());
        byte[] big = new byte[26_214_400];
        Arrays.fill(big, (byte) 7);
        big[big.length - 1] = 42;
        kv.put(PutRequest.newBuilder().setNs(ns).setKey("big").setValue(ByteString.copyFrom(big)).build());
        byte[] back = get(ns, "big").getValue().toByteArray();
        assertEquals(big.length, back.length);
        assertArrayEquals(big, back);
    }

    // KV-7, KV-11: list and read arguments.
    @Test
    void badListAndReadArgumentsAreRefused() {
        NamespaceRef ns = newNamespace(kv, newAccount());
        assertKvError(Status.Code.INVALID_ARGUMENT, "KV_LIST_LIMIT_INVALID",
                "Invalid key_count_limit of 1001. Please specify an integer less than 1000.", () -> list(ns, "", 1001, ""));
        assertKvError(Status.Code.INVALID_ARGUMENT, "KV_LIST_LIMIT_INVALID", null, () -> list(ns, "", -1, ""));
        assertKvError(Status.Code.INVALID_ARGUMENT, "KV_CURSOR_INVALID", null, () -> list(ns, "", 10, "%%%garbage"));
        assertKvError(Status.Code.INVALID_ARGUMENT, "KV_KEY_TOO_LONG", null, () -> list(ns, "p".repeat(600), 10, ""));
        assertKvError(Status.Code.INVALID_ARGUMENT, "KV_KEY_EMPTY", null, () -> get(ns, ""));
        assertKvError(Status.Code.INVALID_ARGUMENT, "KV_KEY_COUNT_INVALID", "You must request a minimum of 1 key",
                () -> kv.getMany(GetManyRequest.newBuilder().setNs(ns).build()));
        GetManyRequest.Builder tooMany = GetManyRequest.newBuilder().setNs(ns);
        for (int i = 0; i < 101; i++) {
            tooMany.addKeys("k" + i);
        }
        assertKvError(Status.Code.INVALID_ARGUMENT, "KV_KEY_COUNT_INVALID", "You can request a maximum of 100 keys",
                () -> kv.getMany(tooMany.build()));
    }

    // KV-3: bulk get answers in request order; KV-10 bulk delete.
    @Test
    void getManyAndBulkDelete() {
        NamespaceRef ns = newNamespace(kv, newAccount());
        put(ns, "a", "1");
        put(ns, "b", "2");
        GetManyResponse many = kv.getMany(GetManyRequest.newBuilder().setNs(ns).addKeys("b").addKeys("zz").addKeys("a").build());
        assertEquals(List.of("b", "zz", "a"), many.getEntriesList().stream().map(e -> e.getKey()).toList());
        assertEquals("2", many.getEntries(0).getValue().toStringUtf8());
        assertFalse(many.getEntries(1).getFound());
        assertEquals("1", many.getEntries(2).getValue().toStringUtf8());

        BulkResponse deleted = kv.bulkDelete(BulkDeleteRequest.newBuilder().setNs(ns).addKeys("a").addKeys("b").addKeys("missing").build());
        assertEquals(3, deleted.getSuccessfulKeyCount());
        assertTrue(deleted.getUnsuccessfulKeysList().isEmpty());
        assertTrue(list(ns, "", 0, "").getKeysList().isEmpty());
    }

    // Isolation: unknown ids and other accounts' namespaces look the same: NOT_FOUND.
    @Test
    void unknownAndForeignNamespacesAreRefused() {
        String owner = newAccount();
        NamespaceRef mine = newNamespace(kv, owner);
        put(mine, "secret", "s");
        NamespaceRef foreign = mine.toBuilder().setCaller(caller(newAccount())).build();
        NamespaceRef unknown = mine.toBuilder().setNamespaceId("0123456789abcdef0123456789abcdef").build();
        NamespaceRef malformed = mine.toBuilder().setNamespaceId("../etc").build();

        for (NamespaceRef ns : List.of(foreign, unknown, malformed)) {
            assertKvError(Status.Code.NOT_FOUND, "KV_NAMESPACE_NOT_FOUND", "namespace not found", () -> get(ns, "secret"));
            assertKvError(Status.Code.NOT_FOUND, "KV_NAMESPACE_NOT_FOUND", "namespace not found", () -> put(ns, "secret", "x"));
            assertKvError(Status.Code.NOT_FOUND, "KV_NAMESPACE_NOT_FOUND", "namespace not found",
                    () -> kv.delete(DeleteRequest.newBuilder().setNs(ns).setKey("secret").build()));
            assertKvError(Status.Code.NOT_FOUND, "KV_NAMESPACE_NOT_FOUND", "namespace not found", () -> list(ns, "", 0, ""));
            assertKvError(Status.Code.NOT_FOUND, "KV_NAMESPACE_NOT_FOUND", "namespace not found",
                    () -> kv.getMany(GetManyRequest.newBuilder().setNs(ns).addKeys("secret").build()));
            assertKvError(Status.Code.NOT_FOUND, "KV_NAMESPACE_NOT_FOUND", "namespace not found",
                    () -> kv.bulkDelete(BulkDeleteRequest.newBuilder().setNs(ns).addKeys("secret").build()));
            assertKvError(Status.Code.NOT_FOUND, "KV_NAMESPACE_NOT_FOUND", "namespace not found", () -> kv.getNamespace(ns));
            assertKvError(Status.Code.NOT_FOUND, "KV_NAMESPACE_NOT_FOUND", "namespace not found", () -> kv.deleteNamespace(ns));
        }
        assertEquals("s", get(mine, "secret").getValue().toStringUtf8());
    }

    private void put(NamespaceRef ns, String key, String value) {
        kv.put(PutRequest.newBuilder().setNs(ns).setKey(key).setValue(utf8(value)).build());
    }

    private GetResponse get(NamespaceRef ns, String key) {
        return kv.get(GetRequest.newBuilder().setNs(ns).setKey(key).build());
    }

    private ListResponse list(NamespaceRef ns, String prefix, int limit, String cursor) {
        return kv.list(ListRequest.newBuilder().setNs(ns).setPrefix(prefix).setLimit(limit).setCursor(cursor).build());
    }

    private static List<String> names(ListResponse page) {
        return page.getKeysList().stream().map(KeyInfo::getName).toList();
    }

    private static ByteString utf8(String s) {
        return ByteString.copyFromUtf8(s);
    }
}
