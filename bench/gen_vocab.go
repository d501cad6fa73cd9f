package bench

import (
	"fmt"
	"math/rand/v2"

	"github.com/attache/attache/domain"
)

// The vocabulary the generator draws on: topics with their own words, and
// the shared actors, places and phrases.

// topic is one strand of technology diplomacy with its own words.
type topic struct {
	name      string
	sections  []string // kicker lines
	things    []string // what policy is about
	terms     []string // technical words, less common
	measures  []string // policy instruments
	firmKinds []string
	patterns  []string // topic-specific sentences
}

var topics = []topic{
	{
		name:     "semiconductors",
		sections: []string{"SEMICONDUCTORS", "CHIPS", "TECH DIPLOMACY", "SUPPLY CHAINS"},
		things: []string{"advanced chips", "chipmaking equipment", "memory chips", "semiconductor supply chains",
			"chip design software", "wafer fabrication plants", "semiconductor subsidies", "advanced packaging",
			"legacy chips", "foundry capacity", "lithography machines", "semiconductor talent"},
		terms: []string{"extreme-ultraviolet lithography", "deep-ultraviolet scanners", "gate-all-around transistors",
			"high-bandwidth memory", "photoresist", "wafer starts", "chiplets", "etch tools", "mature nodes",
			"two-nanometre processes", "yield rates", "cleanroom capacity"},
		measures: []string{"export controls", "entity listings", "licence requirements", "subsidy programmes",
			"investment screening", "foreign direct product rules", "tariffs on legacy chips"},
		firmKinds: []string{"Semiconductor", "Microdevices", "Foundry", "Lithography", "Silicon"},
		patterns: []string{
			"{actor} widened its export controls on {thing} {when}, citing {concern}.",
			"Industry executives say {term} remain the hardest bottleneck to replicate, and that {firm} still depends on {num} suppliers for them.",
			"The new semiconductor rules reach {thing} made anywhere with American tools, a reach that {actor2} has called extraterritorial.",
			"{firm} told investors that {measure} would cut its sales in {place} by about {pct} per cent.",
			"Building a fab for {term} costs more than {num} billion dollars and takes years, which is why subsidies alone rarely move the needle.",
			"Officials in {actor} argue that export controls on {thing} buy time rather than a permanent lead.",
			"A shortage of engineers trained in {term} has slowed new fabs in {place} more than any licence requirement.",
			"The semiconductor alliance between {actor} and {actor2} rests on shared {measure}, but their firms compete fiercely for the same customers.",
			"Analysts expect {actor} to answer with restrictions on {rare} and other inputs that chipmakers cannot easily replace.",
		},
	},
	{
		name:     "5G and telecoms",
		sections: []string{"TELECOMS", "5G & TELECOMS", "TECH POLICY", "NETWORKS"},
		things: []string{"5G networks", "radio access equipment", "core networks", "telecom vendors",
			"spectrum auctions", "mobile infrastructure", "6G research", "open radio networks", "base stations"},
		terms: []string{"Open RAN", "massive MIMO antennas", "network slicing", "millimetre-wave spectrum",
			"rip-and-replace programmes", "baseband units", "interoperability testing", "standard-essential patents"},
		measures: []string{"high-risk vendor bans", "security reviews of suppliers", "rip-and-replace subsidies",
			"spectrum conditions", "telecom security laws", "diversification funds"},
		firmKinds: []string{"Telecom", "Networks", "Wireless", "Mobile", "Radio"},
		patterns: []string{
			"{actor} ordered operators to remove equipment from high-risk vendors from their 5G core networks by {year}.",
			"Operators warned that {measure} would cost billions and delay 5G coverage in rural areas.",
			"The debate over {term} has moved from engineering meetings to ministerial communiqués.",
			"{firm} bid for {thing} contracts in {place}, offering financing that Western vendors could not match.",
			"Diplomats from {actor} lobbied {actor2} for months over its 5G rollout, with mixed results.",
			"Standards bodies are already arguing over 6G, and {actor} wants its engineers to chair more of the working groups.",
			"Few operators have deployed {term} at scale, although governments keep promising funds for it.",
			"The telecom security law lets {official} veto any supplier deemed a risk to {thing}.",
		},
	},
	{
		name:     "artificial intelligence",
		sections: []string{"AI GOVERNANCE", "ARTIFICIAL INTELLIGENCE", "TECH DIPLOMACY", "AI POLICY"},
		things: []string{"frontier AI models", "AI safety testing", "compute clusters", "AI chips",
			"training data", "model weights", "AI standards", "general-purpose AI", "data centres"},
		terms: []string{"red-teaming", "model evaluations", "compute thresholds", "watermarking",
			"incident reporting", "open-weight models", "inference hardware", "alignment research", "benchmark suites"},
		measures: []string{"AI safety institutes", "compute reporting rules", "voluntary commitments",
			"export limits on model weights", "risk-based regulation", "codes of practice"},
		firmKinds: []string{"AI", "Labs", "Intelligence", "Robotics", "Analytics"},
		patterns: []string{
			"{actor} hosted a summit on {thing} {when}, and {num} governments signed the closing declaration.",
			"The AI rules rely on {term}, which researchers say is still more art than science.",
			"{firm} agreed to share {thing} with the safety institute before release, a voluntary step it may not repeat.",
			"Officials in {actor} worry less about chatbots than about {thing} falling into the hands of rivals.",
			"Critics say {measure} favour large firms that can afford compliance teams.",
			"A network of AI safety institutes now links {actor} and {actor2}, though their mandates differ widely.",
			"The draft code asks developers to publish {term} results before deploying general-purpose AI in {place}.",
			"Compute is the lever most governments reach for first, because artificial intelligence models are otherwise hard to see.",
		},
	},
	{
		name:     "export controls",
		sections: []string{"EXPORT CONTROLS", "TRADE & TECHNOLOGY", "ECONOMIC SECURITY", "SANCTIONS"},
		things: []string{"dual-use technologies", "export licences", "controlled items", "sensitive technologies",
			"critical technologies", "outbound investment", "technology transfers", "end-use checks"},
		terms: []string{"the Wassenaar Arrangement", "catch-all clauses", "deemed exports", "end-user certificates",
			"license exceptions", "commodity jurisdiction", "transshipment hubs", "compliance audits"},
		measures: []string{"export controls", "entity listings", "outbound investment rules", "plurilateral controls",
			"secondary sanctions", "end-use controls"},
		firmKinds: []string{"Trading", "Logistics", "Industries", "Holdings", "Components"},
		patterns: []string{
			"Export controls work best when allies apply them together, and {actor} has spent a year persuading {actor2} to align.",
			"{actor} added {num} companies to its entity list {when}, accusing them of supplying {thing} to military end users.",
			"Smuggling through transshipment hubs in {place} has blunted the export controls, investigators say.",
			"{firm} was fined for shipping {thing} without a licence, the largest penalty of its kind.",
			"Because {term} was designed for the Cold War, it cannot easily respond to fast-moving technologies.",
			"Officials describe the approach as a small yard with a high fence: few {thing}, tightly guarded.",
			"Compliance teams at {firm} now screen every order against {num} different control lists.",
			"{actor} is weighing export controls on {rare}, a move that would hit suppliers in {place}.",
		},
	},
	{
		name:     "quantum technology",
		sections: []string{"QUANTUM", "EMERGING TECH", "TECH DIPLOMACY", "SCIENCE & SECURITY"},
		things: []string{"quantum computers", "quantum sensors", "post-quantum cryptography", "quantum communication",
			"quantum research", "quantum talent", "quantum networks", "cryogenic components"},
		terms: []string{"superconducting qubits", "trapped ions", "error correction", "dilution refrigerators",
			"quantum key distribution", "lattice-based algorithms", "photonic chips", "logical qubits"},
		measures: []string{"research security rules", "quantum export controls", "migration deadlines",
			"joint research agreements", "visa screening"},
		firmKinds: []string{"Quantum", "Photonics", "Cryogenics", "Qubit", "Sensing"},
		patterns: []string{
			"{actor} set {year} as the deadline for moving government systems to post-quantum cryptography.",
			"Progress in {term} has been steady but slower than the headlines suggest.",
			"{firm} builds {term} for laboratories in {place}, and its order book has doubled.",
			"The quantum partnership between {actor} and {actor2} covers research but not, for now, export controls.",
			"A working quantum computer able to break today’s encryption is still years away, most physicists think.",
			"Security officials fear that adversaries are storing encrypted traffic now to decrypt it later with quantum computers.",
			"Controls on {term} are hard to write because the same parts serve medicine and astronomy.",
		},
	},
	{
		name:     "subsea cables",
		sections: []string{"SUBSEA CABLES", "CONNECTIVITY", "INFRASTRUCTURE", "TECH POLICY"},
		things: []string{"subsea cables", "landing stations", "cable repair ships", "data links",
			"undersea infrastructure", "cable routes", "international bandwidth", "cable consortia"},
		terms: []string{"repeaters", "branching units", "cable-laying vessels", "fibre pairs",
			"spectrum sharing", "route diversity", "cable permits", "seabed surveys"},
		measures: []string{"cable security partnerships", "landing licence reviews", "repair agreements",
			"route financing", "protection zones"},
		firmKinds: []string{"Cable", "Marine", "Subsea", "Networks", "Fibre"},
		patterns: []string{
			"Subsea cables carry almost all intercontinental data, yet only a few dozen repair ships serve the world.",
			"Two cables were cut near {place} {when}, and repairs took {num} weeks.",
			"{actor} now reviews every cable landing licence for ownership by foreign states.",
			"{firm} lost a contract for a cable to {place} after {actor} raised security concerns.",
			"The cable consortium includes operators from {actor} and {actor2}, a mix that once raised no eyebrows.",
			"Insurers and navies disagree about who should protect {thing} in international waters.",
			"Rerouting around {place} adds cost and latency, but governments increasingly accept both.",
			"The subsea cable plan funds {term} along routes that avoid contested waters.",
		},
	},
	{
		name:     "space",
		sections: []string{"SPACE", "SATELLITES", "SPACE POLICY", "CONNECTIVITY"},
		things: []string{"satellite constellations", "launch capacity", "orbital debris", "satellite internet",
			"navigation satellites", "earth observation", "space traffic", "ground stations"},
		terms: []string{"low-earth orbit", "spectrum filings", "direct-to-device links", "anti-satellite tests",
			"rideshare launches", "collision avoidance", "orbital slots"},
		measures:  []string{"space traffic rules", "debris mitigation guidelines", "landing rights", "launch licensing"},
		firmKinds: []string{"Space", "Orbital", "Aerospace", "Satellite", "Launch"},
		patterns: []string{
			"{actor} granted landing rights to a satellite internet service {when}, over objections from local operators.",
			"Debris from anti-satellite tests still threatens {thing}, diplomats in Geneva noted.",
			"{firm} plans {num} launches from {place} next year.",
			"Spectrum filings for large constellations have become a diplomatic contest at the ITU.",
			"Governments that once bought imagery now want their own {thing}.",
		},
	},
	{
		name:     "critical minerals",
		sections: []string{"CRITICAL MINERALS", "SUPPLY CHAINS", "ECONOMIC SECURITY", "RESOURCES"},
		things: []string{"critical minerals", "rare earths", "battery materials", "refining capacity",
			"mineral supply chains", "processing plants", "stockpiles"},
		terms: []string{"gallium", "germanium", "graphite anodes", "magnet alloys", "cobalt hydroxide",
			"lithium brine", "solvent extraction", "offtake agreements"},
		measures: []string{"mineral security partnerships", "export bans", "price floors", "strategic stockpiles",
			"local processing requirements"},
		firmKinds: []string{"Minerals", "Mining", "Metals", "Materials", "Resources"},
		patterns: []string{
			"{actor} restricted exports of {term} {when}, and prices in {place} jumped within days.",
			"Refining, not mining, is the real chokepoint in {thing}, analysts say.",
			"{firm} signed an offtake deal for {term} from {place}.",
			"{actor} and {actor2} agreed to share information on {thing} and to coordinate stockpiles.",
			"Producers in {place} want processing plants at home rather than exporting raw ore.",
		},
	},
	{
		name:     "data governance",
		sections: []string{"DATA & PRIVACY", "DIGITAL TRADE", "CYBER", "TECH DIPLOMACY"},
		things: []string{"cross-border data flows", "data localisation", "cloud services", "personal data",
			"digital trade rules", "government access to data", "cyber norms", "ransomware"},
		terms: []string{"adequacy decisions", "standard contractual clauses", "sovereign cloud", "encryption backdoors",
			"attribution statements", "critical infrastructure", "vulnerability disclosure"},
		measures: []string{"data transfer frameworks", "localisation mandates", "cyber sanctions",
			"digital trade agreements", "joint attributions"},
		firmKinds: []string{"Cloud", "Data", "Cyber", "Digital", "Software"},
		patterns: []string{
			"{actor} insists that {thing} stay within its borders, a demand that cloud providers resist.",
			"A court ruling {when} threw {term} into doubt, leaving firms in {place} unsure what is lawful.",
			"{firm} opened a sovereign cloud region in {place} to satisfy local rules.",
			"{actor} and {actor2} issued a joint attribution of the ransomware campaign, naming a state-backed group.",
			"Trade negotiators in Geneva have spent years on digital trade rules with little to show.",
			"The cyber norms agreed at the UN are voluntary, and violations carry few consequences.",
		},
	},
}

var actors = []string{"Washington", "Beijing", "Brussels", "Tokyo", "Seoul", "New Delhi", "Taipei", "London",
	"Berlin", "Paris", "The Hague", "Canberra", "Ottawa", "Singapore", "Jakarta", "Hanoi", "Abu Dhabi", "Riyadh",
	"Nairobi", "Brasília", "Mexico City", "Kuala Lumpur", "Stockholm", "Helsinki", "Warsaw", "Rome", "Madrid",
	"the European Commission", "the Commerce Department", "the Dutch government", "the Japanese trade ministry",
	"the Indian government", "the British government", "the German economy ministry", "the Korean government",
	"the Australian government", "the Canadian government", "the French presidency", "the G7", "the Quad",
	"NATO", "the OECD", "ASEAN", "the African Union", "the Gulf states", "the Nordic countries"}

var blocs = []string{"G7", "Quad", "ASEAN", "EU", "G20", "African Union", "Pacific Islands Forum"}

var officials = []string{"a senior official", "one trade negotiator", "a diplomat in Geneva", "the minister",
	"an adviser to the prime minister", "a European diplomat", "a former commerce official",
	"an industry lobbyist", "a congressional aide", "the ambassador", "a treasury official"}

var roles = []string{"a former trade negotiator", "an analyst at a think tank in Singapore",
	"a senior fellow who studies technology policy", "an engineer turned diplomat", "a professor of law",
	"an industry adviser", "a retired intelligence officer", "a consultant to several governments"}

var verbs = []string{"tightened", "loosened", "expanded", "narrowed", "delayed", "announced", "reviewed",
	"defended", "criticised", "welcomed", "copied", "challenged"}

var whens = []string{"in October", "last spring", "this year", "in January", "after months of talks",
	"earlier this month", "late last year", "in the summer", "before the election", "at the last summit",
	"in March", "two years ago", "during the visit"}

var numbers = []string{"two", "three", "four", "five", "six", "seven", "eight", "ten", "a dozen", "twenty",
	"dozens of", "fifty"}

var adjectives = []string{"cautious", "ambitious", "fragile", "costly", "overdue", "sweeping", "narrow",
	"pragmatic", "contested", "incremental", "symbolic", "unprecedented"}

var concerns = []string{"national security", "military modernisation", "human rights abuses",
	"supply chain risks", "economic coercion", "the risk of diversion", "espionage", "dependence on a single supplier"}

var places = []string{"Rotterdam", "Singapore", "Busan", "Kaohsiung", "Dubai", "Mombasa", "Marseille",
	"Fortaleza", "Jeddah", "Djibouti", "Penang", "Hsinchu", "Eindhoven", "Dresden", "Arizona", "Malaysia",
	"Vietnam", "Kazakhstan", "Chile", "Indonesia", "the Red Sea", "the Baltic", "the Taiwan Strait",
	"Guam", "Fiji", "Tonga", "Portugal", "Egypt", "Mexico", "Morocco"}

var firmStems = []string{"Kestrel", "Novagrid", "Halvorsen", "Meridian", "Brightwater", "Corvane", "Tessaro",
	"Ironbark", "Lumenfield", "Ostrava", "Pellucid", "Quillon", "Redshank", "Sundara", "Tavistock", "Umbral",
	"Veritas", "Wexford", "Yarrowby", "Zephyrine", "Arkwright", "Bellhaven", "Calder", "Dunmore"}

var syllables = []string{"ka", "ri", "to", "ven", "dal", "mor", "su", "na", "bel", "tor", "quin", "za",
	"lo", "ther", "vi", "an", "os", "ru", "mek", "sa", "lin", "dor", "ha", "pe", "gru", "xi", "yen", "fal"}

var publishers = []string{"The Meridian Review", "Harbour Policy Weekly", "Signals & Standards",
	"The Strategy Ledger", "Global Tech Monitor", "Northern Affairs Quarterly", "The Diplomatic Wire",
	"Pacific Policy Brief"}

var firstNames = []string{"Amara", "Kenji", "Sofia", "Rahul", "Mei", "Lucas", "Ingrid", "Tomás", "Seán",
	"Aisha", "Oluwaseun", "Hyun-woo", "Zainab", "Mateus", "Priya", "Dmitri", "Chloé", "Farid", "Noor",
	"Yuki", "Liesl", "Kwabena", "Elena", "Björn", "Ana", "Jun", "Fatima", "Hamish", "Leilani", "Marek",
	"Nadia", "Oskar", "Rania", "Tariq", "Vivian", "Wen", "Xavier", "Yasmin", "Zofia", "Caoimhe"}

var surnames = []string{"Okafor", "Tanaka", "Lindqvist", "O’Connell", "de la Fuente", "van der Berg",
	"Nakamura", "Haddad", "Kowalski", "Mensah", "Al-Rashid", "McAllister", "Nguyen", "Park", "Sandoval",
	"Ferreira", "Abebe", "Rossi", "Schmidt", "Chaudhry", "Ivanova", "Dubois", "Hosseini", "Kariuki",
	"Larsen", "Moreau", "Novak", "Ortega", "Petrov", "Quispe", "Rahman", "Sato", "Takahashi", "Usman",
	"Varga", "Walsh", "Yilmaz", "Zhou", "Bianchi", "D’Souza"}

var titlePatterns = []string{
	"Why {actor} Is Rethinking {thing}",
	"The Quiet Race for {thing}",
	"{actor} Tightens Its Grip on {thing}",
	"Inside the Fight Over {thing}",
	"What {measure} Mean for {thing}",
	"Can {actor} Win the Contest Over {thing}?",
	"Allies Split Over {thing}",
	"The Hidden Costs of {measure}",
	"The Alliance Politics of {thing}",
	"How {actor} Learned to Love {measure}",
	"A New Front in the Struggle Over {thing}",
	"{actor} and {actor2} Edge Toward a Deal on {thing}",
	"After the Summit, Hard Questions on {thing}",
	"The Limits of {measure}",
	"{thing}: The Next Chokepoint",
	"Behind the Talks on {thing} — and What Comes Next",
}

var standfirsts = []string{
	"Governments now treat {thing} the way they once treated oil.",
	"The rules are {adj}, and allies are not sure how far to follow.",
	"A {adj} bargain between {actor} and {actor2} is being tested.",
	"{measure} have bought time — but not much of it.",
	"Officials say the stakes have never been higher; industry is less sure.",
}

var quotePatterns = []string{
	"“We are not trying to stop anyone from innovating,” said {voice}, {role}. “We are trying to keep {thing} out of the wrong hands.”",
	"“Nobody wants to be the first to blink,” {voice} said.",
	"“The policy is {adj}, but it is the best we have,” said {voice}.",
	"{voice}, {role}, called the plan “a necessary evil” that would cost firms in {place} dearly.",
	"“If {actor} goes alone, the controls will leak,” said {voice}.",
	"“It’s not a decoupling — it’s a slow re-wiring,” {voice} told a conference in {place}.",
	"“We’ve been here before, with {thing},” said {voice}. “The lesson is that partners matter.”",
	"According to {voice}, the talks on {thing} “went better than anyone expected.”",
}

var generalPatterns = []string{
	"Officials in {actor} {verb} the rules {when}, after pressure from {actor2}.",
	"The government has promised a {adj} review of {thing}, but no date has been set.",
	"Allies have long disagreed about how to balance {concern} against commercial interests.",
	"{official} said the policy on {thing} was {adj} and would be revisited.",
	"For now the main effect is on {thing}, which account for about {pct} per cent of trade between {actor} and {actor2}.",
	"Critics argue that {measure} push partners toward rival suppliers.",
	"The policy debate in {actor} has become more {adj} since the last election.",
	"Several governments are drafting their own rules on {thing}, often borrowing from {actor}.",
	"Industry groups warned that the policy would raise costs for {firm} and its customers.",
	"The arrangement depends on trust between {actor} and {actor2}, which has frayed {when}.",
	"Trade data suggest that shipments of {thing} through {place} rose sharply {when}.",
	"The {bloc} statement on {thing} was {adj}, reflecting divisions among its members.",
	"Diplomats describe the talks as {adj}, with neither side willing to give ground on {concern}.",
	"The technology itself is changing faster than the policy meant to govern it.",
	"Governments are learning that {claim}",
	"Few people outside the industry had heard of {rare} until {actor} mentioned it in a policy paper.",
	"Some analysts think {claim}",
	"Even so, {official} admitted that {claim}",
	"The report, written by {voice}, recommends {adj} cooperation with {actor2} on {thing}.",
	"Budget documents show that {actor} will spend more on {thing} over the next {num} years.",
	"That is why {actor} has invested in {thing} at home — a bet that will take years to pay off.",
	"Companies such as {firm} have quietly moved production to {place}.",
	"The government’s technology strategy names {thing} and {thing2} as priorities.",
	"In private, officials concede that enforcement of {measure} is patchy.",
	"Meanwhile, {firm} said demand for {thing} in {place} remained strong.",
	"Smaller states such as those in {bloc} fear being forced to choose sides.",
	"The {rare} question came up again at the meeting in {place}.",
}

var claims = []string{
	"technology alliances are harder to manage than military ones.",
	"supply chains cannot be rebuilt by decree.",
	"the rules on {thing} will need revising within {num} years.",
	"partners in {place} are hedging their bets.",
	"{measure} are more symbolic than effective.",
	"the real contest is over standards, not factories.",
	"{actor} has more leverage than it admits.",
}

// rareWords are drawn with a Zipf distribution: the first few recur across
// the library, the tail appears in only a handful of articles.
var rareWords = []string{"gallium", "germanium", "antimony", "tungsten", "hafnium", "indium", "tantalum",
	"scandium", "palladium", "neodymium", "dysprosium", "terbium", "yttrium", "beryllium", "niobium",
	"vanadium", "rhenium", "tellurium", "bismuth", "selenium", "zirconium", "lutetium", "praseodymium",
	"samarium", "holmium", "thulium", "erbium", "europium", "gadolinium", "ytterbium", "cerium",
	"lanthanum", "magnesium", "molybdenum", "chromite", "ilmenite", "coltan", "cassiterite", "wolframite",
	"bauxite", "spodumene", "petalite", "lepidolite", "monazite", "xenotime", "bastnäsite", "columbite",
	"pyrochlore", "zircon", "rutile", "fluorspar", "barite", "borates", "kyanite", "sillimanite"}

// Excerpts plans n excerpts of article i, as an analyst might mark them: one
// to three consecutive sentences each, some with a note, tags and grades.
// SourceID is left for the caller; Start and End are rune offsets into Body.
func (a *Article) Excerpts(seed uint64, i, n int) []*domain.Excerpt {
	r := rand.New(rand.NewPCG(seed^0xE5CE7, uint64(i)))
	sents := a.Sentences()
	out := make([]*domain.Excerpt, n)
	for k := range out {
		first := r.IntN(len(sents))
		last := min(first+r.IntN(3), len(sents)-1)
		e := &domain.Excerpt{Start: sents[first].Start, End: sents[last].End, Tags: []string{}}
		if r.Float64() < 0.3 {
			e.Note = fmt.Sprintf(excerptNotes[r.IntN(len(excerptNotes))], a.Topic)
		}
		for range r.IntN(3) {
			e.Tags = append(e.Tags, excerptTags[r.IntN(len(excerptTags))])
		}
		if r.Float64() < 0.5 {
			e.Credibility = domain.Credibility(1 + r.IntN(6))
		}
		e.Marking = []domain.Marking{"", "", domain.MarkingUnclassified, domain.MarkingCUI}[r.IntN(4)]
		out[k] = e
	}
	return out
}

var excerptNotes = []string{
	"Useful for the %s section of the weekly note.",
	"Check this against the official statement on %s.",
	"Good quote on %s; the figures need a second source.",
	"Contradicts what we heard last month about %s.",
	"Background on %s for the new desk officer.",
	"Possible key judgment on %s — discuss with the team.",
}

var excerptTags = []string{"export controls", "5g", "ai safety", "subsea cables", "quantum", "critical minerals",
	"allies", "standards", "supply chains", "enforcement", "subsidies", "quote", "background", "key judgment",
	"space", "data flows", "cyber", "semiconductors", "china", "eu", "us", "japan", "india", "gulf",
	"follow up", "figures", "timeline", "industry view", "legal", "coercion"}
