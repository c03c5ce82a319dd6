package dev.outpost.runtime;

import dev.outpost.runtime.io.AddressPolicy;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The SSRF guard's ranges (issue 3, RT-8): what is refused by default, what operators allow or add. */
class AddressPolicyTest {
    static String refusal(AddressPolicy policy, String address) throws Exception {
        return policy.refusal(InetAddress.getByName(address));
    }

    @Test
    void privateLoopbackLinkLocalAndCgnatAreRefusedPublicIsAllowed() throws Exception {
        AddressPolicy policy = new AddressPolicy(List.of(), List.of());
        for (String address : List.of("127.0.0.1", "127.8.9.10", "10.0.0.1", "172.16.5.5", "172.31.255.255",
                "192.168.1.1", "169.254.169.254", "100.64.0.1", "100.127.255.254", "0.0.0.0", "0.1.2.3", "::1", "::",
                "fc00::1", "fd12:3456::1", "fe80::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "224.0.0.1")) {
            assertNotNull(refusal(policy, address), address);
        }
        for (String address : List.of("1.1.1.1", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::1111", "93.184.216.34")) {
            assertNull(refusal(policy, address), address);
        }
        assertEquals("169.254.0.0/16", refusal(policy, "169.254.169.254"));
    }

    @Test
    void allowedRangesWinAndDeniedRangesAdd() throws Exception {
        AddressPolicy policy = new AddressPolicy(List.of("127.0.0.1/32", "10.1.0.0/16"), List.of("203.0.113.0/24"));
        assertNull(refusal(policy, "127.0.0.1"));
        assertNotNull(refusal(policy, "127.0.0.2"));
        assertNull(refusal(policy, "10.1.200.3"));
        assertNotNull(refusal(policy, "10.2.0.1"));
        assertEquals("203.0.113.0/24", refusal(policy, "203.0.113.9"));
        assertNull(refusal(policy, "::ffff:127.0.0.1"), "an IPv4-mapped address is judged as its IPv4 address");
    }

    @Test
    void badCidrsFailAtEngineCreation() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WorkerEngine.create(new FetchPolicy(List.of("example.com/8"), List.of(), null, null), null));
        assertTrue(e.getMessage().contains("example.com/8"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new AddressPolicy(List.of("10.0.0.0/33"), List.of()));
    }
}
