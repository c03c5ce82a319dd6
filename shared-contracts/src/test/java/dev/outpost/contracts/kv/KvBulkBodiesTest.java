package dev.outpost.contracts.kv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** KV-10 bulk bodies as both REST APIs read them. */
class KvBulkBodiesTest {
    @Test
    void putItemsDecodeBase64NumbersAsTextAndMetadata() {
        List<KvBulkBodies.PutItem> items = KvBulkBodies.putItems("[{\"key\":\"a\",\"value\":\"aGk=\",\"base64\":true,"
                + "\"expiration_ttl\":\"120\",\"metadata\":{\"m\":1}},{\"key\":\"b\",\"value\":\"plain\"}]");
        assertEquals(2, items.size());
        assertArrayEquals("hi".getBytes(StandardCharsets.UTF_8), items.get(0).value());
        assertEquals(120, items.get(0).expirationTtl());
        assertEquals("{\"m\":1}", items.get(0).metadataJson());
        assertEquals("", items.get(1).metadataJson());
    }

    @Test
    void badBodiesNameTheItem() {
        assertEquals("item 1 must be an object with string \"key\" and \"value\"", assertThrows(KvBulkBodies.BadBody.class,
                () -> KvBulkBodies.putItems("[{\"key\":\"a\",\"value\":\"x\"},{\"key\":2}]")).getMessage());
        assertEquals("item 0: expiration must be an integer", assertThrows(KvBulkBodies.BadBody.class,
                () -> KvBulkBodies.putItems("[{\"key\":\"a\",\"value\":\"x\",\"expiration\":\"soon\"}]")).getMessage());
        assertEquals("key 1 must be a string", assertThrows(KvBulkBodies.BadBody.class,
                () -> KvBulkBodies.deleteKeys("[\"a\",3]")).getMessage());
        assertEquals("request body is not valid JSON", assertThrows(KvBulkBodies.BadBody.class,
                () -> KvBulkBodies.deleteKeys("[")).getMessage());
        assertEquals("\"xml\" is not a valid type. Use \"json\" or \"text\"", assertThrows(KvBulkBodies.BadBody.class,
                () -> KvBulkBodies.getQuery("{\"keys\":[\"a\"],\"type\":\"xml\"}")).getMessage());
    }

    @Test
    void getAnswersValuesAsTextOrJsonWithMetadata() {
        KvBulkBodies.GetQuery query = KvBulkBodies.getQuery("{\"keys\":[\"a\",\"b\"],\"type\":\"json\",\"withMetadata\":true}");
        ObjectNode values = KvBulkBodies.values();
        KvBulkBodies.found(values, query, "a", "{\"x\":1}".getBytes(StandardCharsets.UTF_8), "{\"m\":2}", 99);
        KvBulkBodies.missing(values, "b");
        assertEquals("{\"a\":{\"value\":{\"x\":1},\"metadata\":{\"m\":2},\"expiration\":99},\"b\":null}", values.toString());
        assertThrows(KvBulkBodies.BadBody.class, () -> KvBulkBodies.found(KvBulkBodies.values(), query, "c",
                "not json".getBytes(StandardCharsets.UTF_8), "", 0));
    }
}
