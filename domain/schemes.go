package domain

// The shipped schemes, spelled as their guides spell them; docs/markings.md
// cites each guide and says which rules Attaché follows.

var (
	black = RGB{0, 0, 0}
	onTLP = &RGB{0, 0, 0} // FIRST prints every TLP label on black
	auRed = RGB{0xC8, 0x10, 0x2E}
)

var schemes = []*Scheme{
	{ID: SchemeNone, Name: "No markings", Short: "no-marking",
		Guide: "none: the briefing carries no banner and no portion marks"},
	{ID: SchemeUS, Name: "United States classification", Short: "US",
		Guide:     "Executive Order 13526 and 32 CFR Part 2001; ISOO Marking Classified National Security Information (2018); CUI Marking Handbook (2016); ODNI CAPCO Register",
		Separator: "//", PortionSeparator: "//", Open: "(", Close: ")", Align: AlignCentre,
		Authority: true, NotReleasable: "NOFORN", PortionsFrom: "C",
		Levels: []*Level{
			{Code: "U", Banner: "UNCLASSIFIED", Portion: "U", Aliases: []string{"UNCLASS"}, Ink: RGB{0x00, 0x7A, 0x33}},
			{Code: "CUI", Banner: "CUI", Portion: "CUI", Aliases: []string{"CONTROLLED UNCLASSIFIED INFORMATION", "CONTROLLED"}, Ink: RGB{0x50, 0x2B, 0x85}},
			{Code: "C", Banner: "CONFIDENTIAL", Portion: "C", Ink: RGB{0x00, 0x33, 0xA0}, Classified: true},
			{Code: "S", Banner: "SECRET", Portion: "S", Ink: RGB{0xC8, 0x10, 0x2E}, Classified: true},
			{Code: "TS", Banner: "TOP SECRET", Portion: "TS", Ink: RGB{0xFF, 0x8C, 0x00}, Classified: true},
		},
		Caveats: []*Caveat{
			{Code: "NOFORN", Banner: "NOFORN", Portion: "NF", Aliases: []string{"NOT RELEASABLE TO FOREIGN NATIONALS"},
				MinLevel: "CUI", Group: "release", Definition: "not releasable to foreign nationals"},
			{Code: "REL TO", Banner: "REL TO", Portion: "REL TO", Aliases: []string{"REL"}, Release: true, Owner: "USA",
				CountrySeparator: ", ", MinLevel: "CUI", Group: "release",
				Definition: "releasable to the countries named (USA first, then trigraphs and tetragraphs in alphabetical order)"},
		}},
	{ID: SchemeUK, Name: "UK Government Security Classifications", Short: "UK",
		Guide:     "Cabinet Office, Government Security Classifications Policy (June 2023)",
		Separator: " - ", PortionSeparator: " - ", Open: "(", Close: ")", Align: AlignCentre,
		Levels: []*Level{
			{Code: "O", Banner: "OFFICIAL", Portion: "OFFICIAL", Ink: black},
			{Code: "OS", Banner: "OFFICIAL-SENSITIVE", Portion: "OFFICIAL-SENSITIVE", Aliases: []string{"OFFICIAL SENSITIVE", "OS"}, Ink: black},
			{Code: "S", Banner: "SECRET", Portion: "SECRET", Ink: black, Classified: true},
			{Code: "TS", Banner: "TOP SECRET", Portion: "TOP SECRET", Ink: black, Classified: true},
		},
		Caveats: []*Caveat{
			{Code: "UK EYES ONLY", Banner: "UK EYES ONLY", Portion: "UK EYES ONLY",
				MinLevel: "S", Group: "release", Definition: "for UK nationals only"},
		}},
	{ID: SchemeAU, Name: "Australian Government Protective Security Policy Framework", Short: "Australian",
		Guide:     "Department of Home Affairs, Protective Security Policy Framework (PSPF), Release 2024, Sensitive and classified information",
		Separator: "//", PortionSeparator: "//", Open: "(", Close: ")", Align: AlignCentre,
		Levels: []*Level{
			{Code: "UO", Banner: "UNOFFICIAL", Portion: "UNOFFICIAL", Ink: auRed},
			{Code: "O", Banner: "OFFICIAL", Portion: "OFFICIAL", Ink: auRed},
			{Code: "OS", Banner: "OFFICIAL: Sensitive", Portion: "OFFICIAL: Sensitive", Aliases: []string{"OFFICIAL:SENSITIVE", "OFFICIAL SENSITIVE"}, Ink: auRed},
			{Code: "P", Banner: "PROTECTED", Portion: "PROTECTED", Ink: auRed, Classified: true},
			{Code: "S", Banner: "SECRET", Portion: "SECRET", Ink: auRed, Classified: true},
			{Code: "TS", Banner: "TOP SECRET", Portion: "TOP SECRET", Ink: auRed, Classified: true},
		},
		Caveats: []*Caveat{
			{Code: "AUSTEO", Banner: "AUSTEO", Portion: "AUSTEO", Aliases: []string{"AUSTRALIAN EYES ONLY"},
				MinLevel: "P", Group: "release", Definition: "Australian eyes only"},
			{Code: "AGAO", Banner: "AGAO", Portion: "AGAO", Aliases: []string{"AUSTRALIAN GOVERNMENT ACCESS ONLY"},
				MinLevel: "P", Group: "release", Definition: "Australian Government access only"},
			{Code: "REL", Banner: "REL", Portion: "REL", Release: true, Owner: "AUS", CountrySeparator: "/",
				MinLevel: "P", Group: "release", Definition: "releasable to the countries named (AUS first)"},
		}},
	{ID: SchemeNATO, Name: "NATO security classifications", Short: "NATO",
		Guide:     "NATO, Security within the North Atlantic Treaty Organisation, C-M(2002)49",
		Separator: " ", PortionSeparator: " ", Open: "(", Close: ")", Align: AlignCentre,
		Levels: []*Level{
			{Code: "NU", Banner: "NATO UNCLASSIFIED", Portion: "NU", Ink: black},
			{Code: "NR", Banner: "NATO RESTRICTED", Portion: "NR", Ink: black},
			{Code: "NC", Banner: "NATO CONFIDENTIAL", Portion: "NC", Ink: black, Classified: true},
			{Code: "NS", Banner: "NATO SECRET", Portion: "NS", Ink: black, Classified: true},
			{Code: "CTS", Banner: "COSMIC TOP SECRET", Portion: "CTS", Ink: black, Classified: true},
		}},
	{ID: SchemeEU, Name: "EU classified information", Short: "EU",
		Guide:     "Council Decision 2013/488/EU on the security rules for protecting EU classified information, Article 2 and Annex III",
		Separator: " ", PortionSeparator: " ", Open: "(", Close: ")", Align: AlignCentre,
		Levels: []*Level{
			{Code: "R-UE", Banner: "RESTREINT UE/EU RESTRICTED", Portion: "R-UE/EU-R", Aliases: []string{"RESTREINT UE", "EU RESTRICTED"}, Ink: black},
			{Code: "C-UE", Banner: "CONFIDENTIEL UE/EU CONFIDENTIAL", Portion: "C-UE/EU-C", Aliases: []string{"CONFIDENTIEL UE", "EU CONFIDENTIAL"}, Ink: black, Classified: true},
			{Code: "S-UE", Banner: "SECRET UE/EU SECRET", Portion: "S-UE/EU-S", Aliases: []string{"SECRET UE", "EU SECRET"}, Ink: black, Classified: true},
			{Code: "TS-UE", Banner: "TRÈS SECRET UE/EU TOP SECRET", Portion: "TS-UE/EU-TS", Aliases: []string{"TRES SECRET UE/EU TOP SECRET", "TRÈS SECRET UE", "TRES SECRET UE", "EU TOP SECRET"}, Ink: black, Classified: true},
		}},
	{ID: SchemeTLP, Name: "Traffic Light Protocol 2.0", Short: "TLP",
		Guide:     "FIRST, Traffic Light Protocol (TLP) version 2.0 (August 2022), https://www.first.org/tlp/",
		Separator: " ", PortionSeparator: " ", Open: "(", Close: ")", Align: AlignRight, Definitions: true, WholeDocument: true,
		Levels: []*Level{
			{Code: "CLEAR", Banner: "TLP:CLEAR", Portion: "TLP:CLEAR", Aliases: []string{"TLP:WHITE", "WHITE"}, Ink: RGB{255, 255, 255}, Fill: onTLP,
				Definition: "Recipients can spread this to the world, there is no limit on disclosure."},
			{Code: "GREEN", Banner: "TLP:GREEN", Portion: "TLP:GREEN", Ink: RGB{51, 255, 0}, Fill: onTLP,
				Definition: "Limited disclosure, recipients can spread this within their community."},
			{Code: "AMBER", Banner: "TLP:AMBER", Portion: "TLP:AMBER", Ink: RGB{255, 192, 0}, Fill: onTLP,
				Definition: "Limited disclosure, recipients can only spread this on a need-to-know basis within their organization and its clients."},
			{Code: "AMBER+STRICT", Banner: "TLP:AMBER+STRICT", Portion: "TLP:AMBER+STRICT", Ink: RGB{255, 192, 0}, Fill: onTLP,
				Definition: "Restricts sharing to the organization only."},
			{Code: "RED", Banner: "TLP:RED", Portion: "TLP:RED", Ink: RGB{255, 43, 43}, Fill: onTLP,
				Definition: "For the eyes and ears of individual recipients only, no further disclosure."},
		},
		BannerPoints: 12, // FIRST: the label in 12 point or larger
	},
}

var schemeByID = func() map[SchemeID]*Scheme {
	m := map[SchemeID]*Scheme{}
	for _, s := range schemes {
		m[s.ID] = s
	}
	return m
}()
