package dev.outpost.queue.pull;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.contracts.queue.v1.ContentType;
import dev.outpost.queue.messages.StoredMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Q-9 lease rules, without Kafka: visibility, claims (one settler per message), late acks, commit offsets. */
class LeaseBookTest {
    static StoredMessage message(String id, ContentType type, long notBefore) {
        return new StoredMessage(id, 1L, new byte[] {1}, type, 1, notBefore);
    }

    static StoredMessage text(String id) {
        return message(id, ContentType.CONTENT_TYPE_TEXT, 0);
    }

    @Test
    void leasedMessagesAreHiddenUntilTheirVisibilityTimeoutPasses() {
        LeaseBook book = new LeaseBook();
        book.add(0, text("a".repeat(32)));
        book.add(1, text("b".repeat(32)));
        book.add(2, message("c".repeat(32), ContentType.CONTENT_TYPE_TEXT, 5_000));
        LeaseBook.Batch first = book.lease(1, 1000, 0);
        assertEquals(1, first.messages().size(), "batch_size is honoured");
        assertEquals("a".repeat(32), first.messages().get(0).message().id());
        assertTrue(LeaseBook.LEASE_ID.matcher(first.messages().get(0).leaseId()).matches());
        // the leased one and the delayed one are not visible
        assertEquals(List.of("b".repeat(32)), book.lease(5, 1000, 10).messages().stream().map(m -> m.message().id()).toList());
        assertTrue(book.lease(5, 1000, 20).messages().isEmpty(), "short polling: nothing visible, nothing waits");
        // expiry is claimed by the sweep, once
        assertEquals(2, book.claimExpired(1_500).size());
        assertTrue(book.claimExpired(1_500).isEmpty());
        assertEquals("c".repeat(32), book.lease(5, 1000, 6_000).messages().get(0).message().id());
    }

    @Test
    void aLeaseIsSettledOnceAndLateAcksFindTheMessageByItsId() {
        LeaseBook book = new LeaseBook();
        String id = "d".repeat(32);
        book.add(7, text(id));
        String lease = book.lease(1, 1000, 0).messages().get(0).leaseId();
        LeaseBook.Entry e = book.claim(lease, 10);
        assertNotNull(e);
        assertNull(book.claim(lease, 10), "the first ack or retry wins");
        book.release(e);
        assertNotNull(book.claim(lease, 10), "a failed write releases the claim");

        // the message written back as its next attempt (another offset, same id) still takes a late ack of the old lease
        LeaseBook later = new LeaseBook();
        later.add(9, text(id));
        assertNotNull(later.claim(lease, 10));
        // ... but not while someone else holds a live lease on it
        LeaseBook held = new LeaseBook();
        held.add(9, text(id));
        String other = held.lease(1, 1000, 0).messages().get(0).leaseId();
        assertNotEquals(lease, other);
        assertNull(held.claim(lease, 10));
        assertNotNull(held.claim(other, 10));
    }

    @Test
    void theGroupOffsetStopsAtTheFirstUnsettledMessage() {
        LeaseBook book = new LeaseBook();
        assertEquals(-1, book.commitOffset());
        book.add(3, text("e".repeat(32)));
        book.add(4, text("f".repeat(32)));
        List<LeaseBook.Leased> leased = book.lease(2, 1000, 0).messages();
        assertEquals(3, book.commitOffset());
        book.settle(book.claim(leased.get(1).leaseId(), 1));
        assertEquals(3, book.commitOffset(), "offset 3 is still leased");
        book.settle(book.claim(leased.get(0).leaseId(), 1));
        assertEquals(5, book.commitOffset());
    }

    @Test
    void v8MessagesAreNotHandedOutAndPurgedOnesAreForgotten() {
        LeaseBook book = new LeaseBook();
        book.add(0, message("a".repeat(32), ContentType.CONTENT_TYPE_V8, 0));
        book.add(1, text("b".repeat(32)));
        LeaseBook.Batch batch = book.lease(5, 1000, 0);
        assertEquals(1, batch.v8Skipped());
        assertEquals(1, batch.messages().size());
        book.dropBefore(2);
        assertEquals(0, book.size());
        assertNull(book.claim(batch.messages().get(0).leaseId(), 1));
    }
}
