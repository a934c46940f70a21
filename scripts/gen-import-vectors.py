#!/usr/bin/env python3
"""Writes tests/vectors/import_onr.json: ONR's own import test cases and cases computed from its
rules, with hand-written expectations (this script is only their compact notation).

Usage: scripts/gen-import-vectors.py > tests/vectors/import_onr.json
"""
import json, copy
BASE_PERSON = {"hetu": "030296-976T", "etunimet": "testi", "kutsumanimi": "testi", "sukunimi": "testi", "kansalaisuus": [{"koodi": "616"}]}
BASE = {"sahkoposti": "test@test.test", "henkilot": [{"tunniste": "testi", "henkilo": BASE_PERSON}]}
SIZE = "size must be between 1 and 2147483647"
EMAIL = "must be a well-formed email address"
NE = "must not be empty"; NN = "must not be null"
ONE = "Ainakin yksi kentistä oid/hetu/passinumero/sahkoposti on annettava"
P = "henkilot[0].henkilo"
cases = []
def err(field, key, msg): return {"field": field, "key": key, "message": msg}
def case(name, batch=None, person=None, env="test", rows=None, batch_errors=None, **kw):
    b = copy.deepcopy(BASE) if batch is None else batch
    if person is not None:
        p = copy.deepcopy(BASE_PERSON)
        for k, v in person.items():
            if v == "<absent>": p.pop(k, None)
            else: p[k] = v
        b["henkilot"][0]["henkilo"] = p
    c = {"name": name, "env": env, "batch": b,
         "expect": {"batch_errors": batch_errors or [], "rows": rows if rows is not None else [{"verdict": "accepted", "errors": []}]}}
    c.update(kw)
    if "180897-" in json.dumps(b):
        c["env"] = "test"  # ONR's service tests run with temporary hetus allowed
    cases.append(c)
def rej(*errors): return [{"verdict": "rejected", "errors": list(errors)}]

D = "OppijaTuontiCreateDtoTest (ONR, API-T/dto): "
case(D + "valid base DTO")
b = copy.deepcopy(BASE); del b["sahkoposti"]; case(D + "batch sahkoposti null", batch=b)
b = copy.deepcopy(BASE); b["sahkoposti"] = ""; case(D + "batch sahkoposti \"\"", batch=b, batch_errors=[err("sahkoposti", "Size", SIZE)])
b = copy.deepcopy(BASE); b["sahkoposti"] = "makkara"; case(D + "batch sahkoposti makkara", batch=b, batch_errors=[err("sahkoposti", "Email", EMAIL)])
case(D + "henkilot null", batch={"sahkoposti": "test@test.test", "henkilot": None}, rows=[], batch_errors=[err("henkilot", "NotEmpty", NE)])
case(D + "henkilot []", batch={"sahkoposti": "test@test.test", "henkilot": []}, rows=[], batch_errors=[err("henkilot", "NotEmpty", NE)])
case(D + "kansalaisuus null", person={"kansalaisuus": None}, rows=rej(err(P + ".kansalaisuus", "NotEmpty", NE)))
case(D + "kansalaisuus []", person={"kansalaisuus": []}, rows=rej(err(P + ".kansalaisuus", "NotEmpty", NE)))
case(D + "kansalaisuus [null]", person={"kansalaisuus": [None]}, rows=rej(err(P + ".kansalaisuus[]", "NotNull", NN)))
case(D + "kansalaisuus [{koodi: foo}, null]", person={"kansalaisuus": [{"koodi": "foo"}, None]}, rows=rej(err(P + ".kansalaisuus[]", "NotNull", NN)))
case(D + "kansalaisuus [{koodi: null}]", person={"kansalaisuus": [{"koodi": None}]}, rows=rej(err(P + ".kansalaisuus[0].koodi", "NotNull", NN)))
case(D + "sukupuoli {koodi: null}", person={"sukupuoli": {"koodi": None}}, rows=rej(err(P + ".sukupuoli.koodi", "NotNull", NN)))
case(D + "aidinkieli {koodi: null}", person={"aidinkieli": {"koodi": None}}, rows=rej(err(P + ".aidinkieli.koodi", "NotNull", NN)))
case(D + "hetu null, no other identifier", person={"hetu": None}, rows=rej(err(P, "ValidateAtLeastOneNotNull", ONE)))
case(D + "hetu null, oid \"oid\"", person={"hetu": None, "oid": "oid"})
case(D + "hetu null, oid \"\"", person={"hetu": None, "oid": ""}, rows=rej(err(P + ".oid", "Size", SIZE)))
case(D + "hetu null, passinumero \"passinumero\"", person={"hetu": None, "passinumero": "passinumero"})
case(D + "hetu null, passinumero \"\"", person={"hetu": None, "passinumero": ""}, rows=rej(err(P + ".passinumero", "Size", SIZE)))
case(D + "hetu null, sahkoposti \"\"", person={"hetu": None, "sahkoposti": ""}, rows=rej(err(P + ".sahkoposti", "Size", SIZE)))
case(D + "hetu null, sahkoposti makkara", person={"hetu": None, "sahkoposti": "makkara"}, rows=rej(err(P + ".sahkoposti", "Email", EMAIL)))
case(D + "hetu null, sahkoposti test@test.test", person={"hetu": None, "sahkoposti": "test@test.test"})
for f in ["etunimet", "kutsumanimi", "sukunimi"]:
    case(D + f + " null", person={f: None}, rows=rej(err(P + "." + f, "NotEmpty", NE)))
    case(D + f + " \"\"", person={f: ""}, rows=rej(err(P + "." + f, "NotEmpty", NE)))

def row(person, tunniste=None):
    r = {"henkilo": person}
    if tunniste: r["tunniste"] = tunniste
    return r
MINNA = {"etunimet": "Minna", "kutsumanimi": "Minna", "sukunimi": "Meikäläinen", "kansalaisuus": [{"koodi": "616"}]}
T = "OppijanTuontiTest (ONR, SRV-T/controllers): "
case(T + "minimalValidTuontiWithEmail", batch={"henkilot": [row(dict(MINNA, sahkoposti="example@example.fi"))]}, env="production")
case(T + "emptyEmailIsInvalid", batch={"henkilot": [row(dict(MINNA, sahkoposti=""))]}, env="production", rows=rej(err(P + ".sahkoposti", "Size", SIZE)))
case(T + "failWithNoIdentifiersGiven", batch={"henkilot": [row(MINNA)]}, env="production", rows=rej(err(P, "ValidateAtLeastOneNotNull", ONE)))
C = "OppijaControllerTest (ONR, SRV-T/controllers): "
VALID = dict(MINNA, hetu="180897-945K")
case(C + "putOppija without batch email is 200", batch={"henkilot": [row(VALID)]}, env="production")
case(C + "batch email lsdkjd", batch={"sahkoposti": "lsdkjd", "henkilot": [row(VALID)]}, env="production", batch_errors=[err("sahkoposti", "Email", EMAIL)])
case(C + "hetu hetu1", batch={"henkilot": [row(dict(VALID, hetu="hetu1"))]}, env="production", rows=rej(err(P + ".hetu", "ValidateHetu", "invalid.hetu")),
     warnings=[[]])
case(C + "all identifiers null", batch={"henkilot": [row(MINNA)]}, env="production", rows=rej(err(P, "ValidateAtLeastOneNotNull", ONE)))
S = "OppijaServiceTest (ONR, SRV-T/services): "
case(S + "requiresHetuIfNationalityIsFinnish", batch={"henkilot": [row(dict(MINNA, passinumero="passi123", kansalaisuus=[{"koodi": "246"}]))]}, env="production",
     rows=rej(err(P + ".hetu", "hetu.required.for.finnish", None)))
case(S + "hetuPresentAndNationalityIsFinnish (bean validation rejects `whatever` first)", batch={"henkilot": [row(dict(MINNA, hetu="whatever", kansalaisuus=[{"koodi": "246"}]))]}, env="production",
     rows=rej(err(P + ".hetu", "ValidateHetu", "invalid.hetu")))
case(S + "getOrCreateShouldCreateNewHenkilo", batch={"henkilot": [row(dict(MINNA, oid="oid1", hetu="180897-945K"))]}, env="production", existing=[],
     actions=[{"kind": "create"}], warnings=[["import.lint.oid_format", "import.lint.unknown_oid"]])
case(S + "getOrCreateShouldCreateNewHenkiloWithSameHetu", batch={"henkilot": [row(dict(MINNA, oid="oid1", hetu="180897-945K")), row(dict(MINNA, oid="oid1", hetu="180897-945K"))]}, env="production", existing=[],
     rows=[{"verdict": "accepted", "errors": []}] * 2, actions=[{"kind": "create"}, {"kind": "same_as_row", "row": 0, "by": "oid"}])
case(S + "getOrCreateShouldCreateNewHenkiloWithPassinumero", batch={"henkilot": [row(dict(MINNA, passinumero="passi123"))]}, env="production", existing=[], actions=[{"kind": "create"}])
case(S + "getOrCreateShouldCreateNewHenkiloWithIdentification", batch={"henkilot": [row(dict(MINNA, sahkoposti="example@example.com"))]}, env="production", existing=[], actions=[{"kind": "create"}])
case(S + "getOrCreateShouldCreateNewHenkiloWithSukupuoli", batch={"henkilot": [row(dict(VALID, sukupuoli={"koodi": "1"}))]}, env="production")
case(S + "getOrCreateShouldCreateNewHenkiloWithAidinkieli (koodisto FI, SV; row SV)", batch={"henkilot": [row(dict(VALID, aidinkieli={"koodi": "SV"}))]}, env="production",
     koodisto={"kieli": ["FI", "SV"]})
case(S + "getOrCreateShouldCreateNewHenkiloWithKansalaisuus (koodisto mocked with 123, 456)", batch={"henkilot": [row(dict(VALID, kansalaisuus=[{"koodi": "123"}, {"koodi": "456"}]))]}, env="production",
     koodisto={"maatjavaltiot2": ["123", "456"]})
EX = [{"oid": "1.2.246.562.24.10000000003", "hetu": "180897-945K", "hetu_history": ["180897-787F"], "passinumerot": ["passi123"], "sahkopostit": ["example@example.com"], "etunimet": "Minna", "sukunimi": "Meikäläinen"}]
for name, ids, by in [("FindByOid", {"oid": "1.2.246.562.24.10000000003"}, "oid"), ("FindByHetu", {"hetu": "180897-945K"}, "hetu"),
                      ("FindByKaikkiHetut", {"hetu": "180897-787F"}, "hetu_history"), ("FindByPassinumero", {"passinumero": "passi123"}, "passinumero"),
                      ("FindBySahkoposti", {"sahkoposti": "example@example.com"}, "sahkoposti")]:
    case(S + "getOrCreateShould" + name, batch={"henkilot": [row(dict(MINNA, **ids))]}, env="production", existing=EX,
         actions=[{"kind": "match", "by": by, "oid": "1.2.246.562.24.10000000003"}])

I = "OppijaTuontiServiceImplTest (ONR, SRV-T/services/impl): "
case(I + "detectONRConflicts: names match, no conflict", batch={"henkilot": [row(dict(MINNA, hetu="180897-945K", etunimet="Minna Maria"))]}, env="test",
     existing=[dict(EX[0], etunimet="Minna", sukunimi="Meikäläinen")], actions=[{"kind": "match", "by": "hetu", "conflict": False}])
case(I + "detectONRConflicts: names differ, conflict", batch={"henkilot": [row(dict(MINNA, hetu="180897-945K", sukunimi="Virtanen"))]}, env="test",
     existing=EX, actions=[{"kind": "match", "by": "hetu", "conflict": True}], warnings=[["import.lint.name_conflict"]])

# Computed from ONR's code (rules of sections 6.2-6.4), beyond its own tests.
X = "computed: "
case(X + "aidinkieli in lower case is unknown to the import", batch={"henkilot": [row(dict(VALID, aidinkieli={"koodi": "sv"}))]}, env="production",
     rows=rej(err(P + ".aidinkieli", "invalid.aidinkieli", "Tuntematon koodiston 'kieli' koodi sv")))
case(X + "sukupuoli 3", batch={"henkilot": [row(dict(VALID, sukupuoli={"koodi": "3"}))]}, env="production",
     rows=rej(err(P + ".sukupuoli", "invalid.sukupuoli", "Tuntematon koodiston 'sukupuoli' koodi 3")))
case(X + "unknown citizenships listed in Java HashSet order", batch={"henkilot": [row(dict(VALID, kansalaisuus=[{"koodi": "foo"}, {"koodi": "246"}, {"koodi": "bar"}]))]}, env="production",
     rows=rej(err(P + ".kansalaisuus", "invalid.kansalaisuus", "Tuntematon koodiston 'maatjavaltiot2' koodit [bar, foo]")))
case(X + "empty-hetu loophole: Finnish citizen with hetu \"\" is accepted", batch={"henkilot": [row(dict(MINNA, hetu="", kansalaisuus=[{"koodi": "246"}]))]}, env="production",
     warnings=[["import.lint.empty_hetu"]])
case(X + "whitespace-only passinumero satisfies the identifier rule", batch={"henkilot": [row(dict(MINNA, passinumero="  "))]}, env="production",
     warnings=[["import.lint.blank_passinumero"]])
case(X + "whitespace-only names pass NotEmpty", batch={"henkilot": [row(dict(MINNA, passinumero="P1", etunimet=" ", kutsumanimi=" "))]}, env="production",
     warnings=[["import.lint.blank_name", "import.lint.blank_name"]])
case(X + "temporary hetu rejected in production", batch={"henkilot": [row(dict(MINNA, hetu="030296-976T"))]}, env="production",
     rows=rej(err(P + ".hetu", "ValidateHetu", "invalid.hetu")), warnings=[["import.lint.temporary_hetu"]])
case(X + "temporary hetu accepted in test", batch={"henkilot": [row(dict(MINNA, hetu="030296-976T"))]}, env="test", warnings=[[]])
case(X + "null row: ONR's post-validator fails (500)", batch={"henkilot": [None]}, env="production",
     rows=[{"verdict": "rejected", "errors": [err("henkilot[0]", "NullPointerException", None)]}])
case(X + "henkilo null", batch={"henkilot": [{"tunniste": "x"}]}, env="production", rows=rej(err(P, "NotNull", NN)))
case(X + "unreadable date: the whole request is unreadable", batch={"henkilot": [row(dict(VALID, syntymaaika="3.2.2001"))]}, env="production",
     rows=rej(err(P + ".syntymaaika", "HttpMessageNotReadableException", "JSON parse error: Text '3.2.2001' could not be parsed at index 0")))
case(X + "codes given as JSON numbers", batch={"henkilot": [row(dict(VALID, sukupuoli={"koodi": 2}, kansalaisuus=[{"koodi": 246}]))]}, env="production")
case(X + "two rows with hetu \"\" in one chunk are one person", batch={"henkilot": [row(dict(MINNA, hetu="", passinumero="A1")), row(dict(MINNA, hetu="", passinumero="B2", etunimet="Ville", kutsumanimi="Ville"))]}, env="production", existing=[],
     rows=[{"verdict": "accepted", "errors": []}] * 2, actions=[{"kind": "create", "conflict": False}, {"kind": "same_as_row", "row": 0, "by": "hetu", "conflict": True}],
     warnings=[["import.lint.empty_hetu"], ["import.lint.empty_hetu", "import.lint.name_conflict", "import.lint.empty_hetu_merged"]])
case(X + "all four bean rules of one person at once", batch={"henkilot": [row({"oid": "", "hetu": "x", "passinumero": "", "sahkoposti": "a b", "kansalaisuus": [None, {"koodi": None}]})]}, env="production",
     rows=rej(err(P + ".oid", "Size", SIZE), err(P + ".hetu", "ValidateHetu", "invalid.hetu"), err(P + ".passinumero", "Size", SIZE), err(P + ".sahkoposti", "Email", EMAIL),
              err(P + ".etunimet", "NotEmpty", NE), err(P + ".kutsumanimi", "NotEmpty", NE), err(P + ".sukunimi", "NotEmpty", NE),
              err(P + ".kansalaisuus[]", "NotNull", NN), err(P + ".kansalaisuus[1].koodi", "NotNull", NN)))

doc = {"source": "ONR's own tests (Opetushallitus/oppijanumerorekisteri: OppijaTuontiCreateDtoTest, OppijanTuontiTest, OppijaControllerTest, OppijaServiceTest) and cases computed from ONR's rules (names start with 'computed:'); expectations hand-written from ONR's source",
       "regenerate": "scripts/gen-import-vectors.py (hand-written expectations in compact notation)",
       "format": "each case: env, batch (ONR import JSON), optional koodisto overrides (lists of codes), optional existing persons (then actions are certain); expect.batch_errors and expect.rows[i] = {verdict, errors [{field,key,message}]} compared exactly; optional warnings[i] = lint codes (exact, in order) and actions[i] = fields of the action that must match",
       "cases": cases}
print(json.dumps(doc, ensure_ascii=False, indent=1))
