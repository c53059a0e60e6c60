import { describe, expect, it } from "vitest";
import {
  checkWebhookUrl,
  refusedAddress,
  resolveAllowed,
  WebhookAddressError,
} from "@/lib/webhooks/address-policy";

describe("which addresses may receive webhooks", () => {
  it.each([
    ["8.8.8.8", null],
    ["2001:4860:4860::8888", null],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["192.168.1.1", "private"],
    ["127.0.0.1", "loopback"],
    ["127.255.0.9", "loopback"],
    ["169.254.169.254", "linkLocal"],
    ["100.64.0.1", "carrierGradeNat"],
    ["0.0.0.0", "unspecified"],
    ["224.0.0.1", "multicast"],
    ["255.255.255.255", "broadcast"],
    ["::1", "loopback"],
    ["::", "unspecified"],
    ["fe80::1", "linkLocal"],
    ["fc00::1", "uniqueLocal"],
    ["fd12:3456::1", "uniqueLocal"],
    // IPv4 inside IPv6: the IPv4 address is what is reached.
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:10.0.0.1", "private"],
    ["64:ff9b::7f00:1", "rfc6052"],
    ["2002:7f00:1::", "6to4"],
  ])("%s → %s", (address, range) => {
    const why = refusedAddress(address);
    if (range === null) expect(why).toBeNull();
    else expect(why).toContain(range);
  });

  it("takes http and https URLs only, without credentials", () => {
    expect(checkWebhookUrl("https://hooks.example.com/x").hostname).toBe("hooks.example.com");
    expect(checkWebhookUrl("http://hooks.example.com:8080/x").port).toBe("8080");
    for (const bad of [
      "ftp://hooks.example.com/",
      "file:///etc/passwd",
      "javascript:alert(1)",
      "not a url",
      "https://u:p@hooks.example.com/",
    ])
      expect(() => checkWebhookUrl(bad), bad).toThrow(WebhookAddressError);
  });

  it("refuses a host when any address it resolves to is refused, unless WEBHOOK_ALLOW_PRIVATE=1", async () => {
    const resolver = async (host: string) =>
      host === "mixed.example"
        ? [
            { address: "93.184.216.34", family: 4 },
            { address: "10.0.0.7", family: 4 },
          ]
        : [{ address: "93.184.216.34", family: 4 }];
    await expect(resolveAllowed("public.example", { resolver, env: {} })).resolves.toHaveLength(1);
    await expect(resolveAllowed("mixed.example", { resolver, env: {} })).rejects.toThrow(
      /10\.0\.0\.7 is private/,
    );
    await expect(
      resolveAllowed("mixed.example", { resolver, env: { WEBHOOK_ALLOW_PRIVATE: "1" } }),
    ).resolves.toHaveLength(2);
    await expect(resolveAllowed("[::1]", { resolver, env: {} })).rejects.toThrow(/loopback/);
    await expect(resolveAllowed("127.0.0.1", { resolver, env: {} })).rejects.toThrow(/loopback/);
    // The system's resolver: localhost is this machine.
    await expect(resolveAllowed("localhost", { env: {} })).rejects.toThrow(/loopback/);
  });
});
