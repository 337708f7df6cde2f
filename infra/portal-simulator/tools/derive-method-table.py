#!/usr/bin/env python3
"""Derives src/main/resources/bitrix24-methods.json from Bitrix24's method descriptions.

Run once by hand when the descriptions change:
    tools/derive-method-table.py DIR_WITH_METHOD_JSON > src/main/resources/bitrix24-methods.json
Keeps only facts (parameter name, type, required); descriptions are not copied. The build never runs this.
"""
import glob
import json
import os
import sys

# The parser that produced the descriptions took the result table for the parameter table on pages
# whose methods take no parameters; these names are never request parameters there.
RESPONSE_NAMES = {"result", "time"}

# The writable standard fields of crm.lead.update / crm.deal.update (apidocs.bitrix24.com crm-lead-update,
# crm-deal-update: id, fields, params.REGISTER_SONET_EVENT); user fields UF_CRM_* are allowed in fields too.
LEAD_WRITABLE = ["TITLE", "STATUS_ID", "STATUS_DESCRIPTION", "SOURCE_ID", "SOURCE_DESCRIPTION", "ASSIGNED_BY_ID",
                 "CURRENCY_ID", "OPPORTUNITY", "IS_MANUAL_OPPORTUNITY", "CONTACT_ID", "COMPANY_ID", "COMMENTS",
                 "OPENED", "UTM_SOURCE", "UTM_MEDIUM", "UTM_CAMPAIGN", "UTM_CONTENT", "UTM_TERM"]
DEAL_WRITABLE = ["TITLE", "TYPE_ID", "STAGE_ID", "CATEGORY_ID", "PROBABILITY", "CURRENCY_ID", "OPPORTUNITY",
                 "IS_MANUAL_OPPORTUNITY", "CONTACT_ID", "COMPANY_ID", "BEGINDATE", "CLOSEDATE", "ASSIGNED_BY_ID",
                 "OPENED", "CLOSED", "COMMENTS", "SOURCE_ID", "SOURCE_DESCRIPTION", "UTM_SOURCE", "UTM_MEDIUM",
                 "UTM_CAMPAIGN", "UTM_CONTENT", "UTM_TERM"]


def update_method(writable):
    return [
        {"name": "id", "type": "integer", "required": True},
        {"name": "fields", "type": "object", "required": True,
         "fields": [{"name": n, "type": "any", "required": False} for n in writable], "userFieldsAllowed": True},
        {"name": "params", "type": "object", "required": False,
         "fields": [{"name": "REGISTER_SONET_EVENT", "type": "boolean", "required": False}],
         "userFieldsAllowed": False},
    ]


# Methods the descriptions do not cover, written from the protocol notes (bitrix24.md 2.6, 3.1, 5.1, 6.1, 13) and
# apidocs.bitrix24.com: server.time and crm.currency.base.get take no parameters, crm.currency.list only "order"
# (filter, select and navigation are not supported), crm.currency.get the currency's code as "id";
# user.admin, its page api-reference/common/users/user-admin.md: no parameters.
BY_HAND = {
    "crm.lead.update": update_method(LEAD_WRITABLE),
    "crm.deal.update": update_method(DEAL_WRITABLE),
    "batch": [
        {"name": "cmd", "type": "array", "required": True},
        {"name": "halt", "type": "boolean", "required": False},
    ],
    "profile": [],
    "user.admin": [],
    "app.info": [],
    "server.time": [],
    "crm.currency.base.get": [],
    "crm.currency.list": [{"name": "order", "type": "object", "required": False}],
    "crm.currency.get": [{"name": "id", "type": "string", "required": True}],
    "event.get": [],
    # api-reference/biconnector (connector, source, dataset "add" pages): one object, "fields"; its keys are
    # checked by the simulated methods, which answer Bitrix24's VALIDATION_* codes inside "result".
    "biconnector.connector.add": [{"name": "fields", "type": "object", "required": True}],
    "biconnector.source.add": [{"name": "fields", "type": "object", "required": True}],
    "biconnector.dataset.add": [{"name": "fields", "type": "object", "required": True}],
    # api-reference/bizproc/bizproc-robot (add, update, delete, list, event.send pages).
    "bizproc.robot.add": [
        {"name": "CODE", "type": "string", "required": True},
        {"name": "HANDLER", "type": "string", "required": True},
        {"name": "AUTH_USER_ID", "type": "integer", "required": False},
        {"name": "USE_SUBSCRIPTION", "type": "string", "required": False},
        {"name": "NAME", "type": "any", "required": True},
        {"name": "DESCRIPTION", "type": "any", "required": False},
        {"name": "PROPERTIES", "type": "object", "required": False},
        {"name": "RETURN_PROPERTIES", "type": "object", "required": False},
        {"name": "DOCUMENT_TYPE", "type": "array", "required": False},
        {"name": "FILTER", "type": "object", "required": False},
        {"name": "USE_PLACEMENT", "type": "string", "required": False},
        {"name": "PLACEMENT_HANDLER", "type": "string", "required": False},
    ],
    "bizproc.robot.update": [
        {"name": "CODE", "type": "string", "required": True},
        {"name": "FIELDS", "type": "object", "required": True},
    ],
    "bizproc.robot.delete": [{"name": "CODE", "type": "string", "required": True}],
    "bizproc.robot.list": [],
    "bizproc.event.send": [
        {"name": "EVENT_TOKEN", "type": "string", "required": True},
        {"name": "RETURN_VALUES", "type": "object", "required": False},
        {"name": "LOG_MESSAGE", "type": "string", "required": False},
    ],
    # api-reference/crm/timeline/activities/activity-base/crm-activity-list.md: select, filter, order, start.
    "crm.activity.list": [
        {"name": "select", "type": "array", "required": False},
        {"name": "filter", "type": "object", "required": False},
        {"name": "order", "type": "object", "required": False},
        {"name": "start", "type": "integer", "required": False},
    ],
    "placement.bind": [
        {"name": "PLACEMENT", "type": "string", "required": True},
        {"name": "HANDLER", "type": "string", "required": True},
        {"name": "TITLE", "type": "string", "required": False},
        {"name": "DESCRIPTION", "type": "string", "required": False},
        {"name": "GROUP_NAME", "type": "string", "required": False},
        {"name": "LANG_ALL", "type": "object", "required": False},
        {"name": "OPTIONS", "type": "object", "required": False},
        {"name": "USER_ID", "type": "integer", "required": False},
    ],
}


def wire_type(p):
    t = p["type"]
    if t.endswith("[]"):
        return "array"
    if t in ("string", "integer", "boolean", "object", "array", "datetime", "date", "double"):
        return t
    return p["base"] if p["base"] in ("string", "integer", "boolean", "object", "array") else "any"


def fact(p, defs):
    entry = {"name": p["name"], "type": wire_type(p), "required": p["required"] is True}
    ref = p.get("ref")
    if ref:
        d = defs[ref.split("/")[-1]]
        entry["fields"] = [fact(f, defs) for f in d["fields"]]
        entry["userFieldsAllowed"] = bool(d.get("dynamic", {}).get("ufAllowed"))
    return entry


def main(directory):
    table = {}
    for path in sorted(glob.glob(os.path.join(directory, "*.json"))):
        with open(path, encoding="utf-8") as f:
            desc = json.load(f)
        params = [p for p in desc["params"] if p["name"] not in RESPONSE_NAMES]
        table[desc["method"]] = [fact(p, desc.get("defs", {})) for p in params]
    table.update(BY_HAND)
    json.dump(dict(sorted(table.items())), sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])
