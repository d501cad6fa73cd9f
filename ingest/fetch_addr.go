package ingest

import (
	"net/netip"
	"strings"
)

// addrClass is how far from the public internet an address is.
type addrClass int

const (
	classPublic    addrClass = iota
	classPrivate             // a private network: 10/8, 172.16/12, 192.168/16, fc00::/7, 100.64/10
	classLoopback            // this computer: 127/8, ::1, 0/8, ::
	classLinkLocal           // 169.254/16, fe80::/10 and the cloud metadata addresses: never fetched
)

func (c addrClass) where() string {
	switch c {
	case classPrivate:
		return "on a private network"
	case classLoopback:
		return "on this computer"
	case classLinkLocal:
		return "a link-local address"
	}
	return "public"
}

var (
	cgnat       = netip.MustParsePrefix("100.64.0.0/10")
	thisNetwork = netip.MustParsePrefix("0.0.0.0/8")
	nat64       = netip.MustParsePrefix("64:ff9b::/96")
	// Metadata services outside 169.254/16: Alibaba Cloud and AWS over IPv6.
	metadataAddrs = []netip.Addr{netip.MustParseAddr("100.100.100.200"), netip.MustParseAddr("fd00:ec2::254")}
	// Names of metadata services, refused before they are looked up.
	metadataNames = []string{"metadata.google.internal", "metadata.goog", "metadata", "instance-data",
		"instance-data.ec2.internal"}
)

// classifyAddr places an IP address; an IPv4 address written as IPv6 (or
// behind the NAT64 prefix) is placed as the IPv4 address it stands for.
func classifyAddr(ip netip.Addr) addrClass {
	ip = ip.Unmap()
	if ip.Is6() && nat64.Contains(ip) {
		b := ip.As16()
		ip = netip.AddrFrom4([4]byte{b[12], b[13], b[14], b[15]})
	}
	for _, m := range metadataAddrs {
		if ip == m {
			return classLinkLocal
		}
	}
	switch {
	case ip.IsLinkLocalUnicast(), ip.IsLinkLocalMulticast():
		return classLinkLocal
	case ip.IsLoopback(), ip.IsUnspecified(), thisNetwork.Contains(ip):
		return classLoopback
	case ip.IsPrivate(), cgnat.Contains(ip), ip.IsMulticast(), ip.IsInterfaceLocalMulticast():
		return classPrivate
	}
	return classPublic
}

func isMetadataName(host string) bool {
	h := strings.TrimSuffix(strings.ToLower(host), ".")
	for _, n := range metadataNames {
		if h == n {
			return true
		}
	}
	return false
}
