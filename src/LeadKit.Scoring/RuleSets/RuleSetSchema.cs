using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using LeadKit.Scoring.Decay;
using LeadKit.Scoring.Rules;

namespace LeadKit.Scoring.RuleSets;

/// <summary>
/// Generates the rule-set JSON Schema (draft 2020-12): the shared parts (root, limits, groups, thresholds, names,
/// conditions) are fixed here; <c>$defs.rule</c> and <c>$defs.decay</c> are built from the registered kinds'
/// properties, the same lists the reader accepts, so the schema and the parser cannot drift apart.
/// </summary>
internal static class RuleSetSchema
{
    private static readonly JsonSerializerOptions Output = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Generate(ScoringRuleKinds kinds)
    {
        var schema = JsonNode.Parse(Template)!.AsObject();
        var defs = schema["$defs"]!.AsObject();
        defs["decay"] = Decay(kinds);
        defs["rule"] = Rule(kinds);
        return schema.ToJsonString(Output).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    private static JsonObject Rule(ScoringRuleKinds kinds)
    {
        var variants = new JsonArray();
        foreach (var kind in kinds.RuleKinds)
        {
            var properties = new JsonObject { ["name"] = true, ["type"] = new JsonObject { ["const"] = kind.TypeName }, ["dimension"] = true, ["group"] = true };
            variants.Add((JsonNode)Variant(properties, kind.Properties));
        }

        return new JsonObject
        {
            ["type"] = "object",
            ["required"] = new JsonArray("name", "type"),
            ["properties"] = new JsonObject
            {
                ["name"] = Ref("name"),
                ["type"] = new JsonObject { ["enum"] = Names(kinds.RuleKinds.Select(k => k.TypeName)) },
                ["dimension"] = Ref("dimension"),
                ["group"] = Ref("name"),
            },
            ["oneOf"] = variants,
        };
    }

    private static JsonObject Decay(ScoringRuleKinds kinds)
    {
        var variants = new JsonArray();
        foreach (var kind in kinds.DecayKinds)
        {
            variants.Add((JsonNode)Variant(new JsonObject { ["type"] = new JsonObject { ["const"] = kind.TypeName } }, kind.Properties));
        }

        return new JsonObject
        {
            ["type"] = "object",
            ["required"] = new JsonArray("type"),
            ["properties"] = new JsonObject { ["type"] = new JsonObject { ["enum"] = Names(kinds.DecayKinds.Select(k => k.TypeName)) } },
            ["oneOf"] = variants,
        };
    }

    private static JsonObject Variant(JsonObject properties, IEnumerable<ScoringKindProperty> own)
    {
        var required = new JsonArray();
        foreach (var property in own)
        {
            properties[property.Name] = JsonNode.Parse(property.Schema);
            if (property.Required)
            {
                required.Add((JsonNode)property.Name);
            }
        }

        var variant = new JsonObject { ["properties"] = properties };
        if (required.Count > 0)
        {
            variant["required"] = required;
        }

        variant["additionalProperties"] = false;
        return variant;
    }

    private static JsonObject Ref(string name) => new() { ["$ref"] = "#/$defs/" + name };

    private static JsonArray Names(IEnumerable<string> names)
    {
        var array = new JsonArray();
        foreach (var name in names)
        {
            array.Add((JsonNode)name);
        }

        return array;
    }

    // The shared parts; "@RULE@" and "@DECAY@" are replaced with the kinds' definitions.
    private const string Template = """
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://leadkit.dev/schemas/scoring-rules.schema.json",
  "title": "LeadKit scoring rule set",
  "description": "A declarative LeadKit scoring model: rules, groups, caps and decay. See docs/scoring-rules.md. Data only: the registered rule kinds (chosen by each rule's type), a closed set of fields, operators and decay kinds. Generated from the rule and decay kinds' descriptors (ScoringRuleSet.GetJsonSchema). Beyond this schema, the parser refuses a key given twice, invalid UTF-8, unpaired surrogates, duplicate rule or group names and steps that are not in order.",
  "type": "object",
  "additionalProperties": false,
  "required": [
    "version",
    "rules"
  ],
  "properties": {
    "$schema": {
      "type": "string"
    },
    "version": {
      "description": "The format version; this release reads and writes 1.",
      "const": 1
    },
    "name": {
      "allOf": [
        {
          "$ref": "#/$defs/name"
        },
        {
          "maxLength": 64
        }
      ]
    },
    "limits": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "fit": {
          "$ref": "#/$defs/limit"
        },
        "engagement": {
          "$ref": "#/$defs/limit"
        },
        "total": {
          "$ref": "#/$defs/limit"
        }
      }
    },
    "groups": {
      "type": "array",
      "maxItems": 256,
      "items": {
        "$ref": "#/$defs/group"
      }
    },
    "rules": {
      "type": "array",
      "maxItems": 1000,
      "items": {
        "$ref": "#/$defs/rule"
      }
    },
    "thresholds": {
      "description": "Optional qualification and temperature thresholds tuned for this model (ScoringRuleSet.Thresholds); a value left out keeps the options' value.",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "mql": {
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "rule": {
              "enum": [
                "fitAndEngagement",
                "total"
              ]
            },
            "fit": {
              "type": "number"
            },
            "engagement": {
              "type": "number"
            },
            "total": {
              "type": "number"
            }
          }
        },
        "temperature": {
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "hotWithinDays": {
              "type": "integer",
              "minimum": 0
            },
            "warmWithinDays": {
              "type": "integer",
              "minimum": 0
            },
            "warmEngagement": {
              "type": "number"
            },
            "hotEngagement": {
              "type": "number"
            },
            "hysteresis": {
              "type": "number",
              "minimum": 0
            }
          }
        }
      }
    }
  },
  "$defs": {
    "points": {
      "type": "number",
      "minimum": -1000000,
      "maximum": 1000000
    },
    "days": {
      "type": "number",
      "exclusiveMinimum": 0,
      "maximum": 36500
    },
    "name": {
      "description": "A configuration name (LeadKit.Abstractions.Common.ConfigurationName): not blank; no control, format (bidirectional overrides, zero-width), separator, surrogate or unassigned characters.",
      "type": "string",
      "minLength": 1,
      "maxLength": 128,
      "pattern": "^(?=.*\\S)[^\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}\\p{Cs}\\p{Cn}]+$"
    },
    "machineName": {
      "type": "string",
      "pattern": "^[a-z0-9_.-]{1,64}$"
    },
    "dimension": {
      "enum": [
        "fit",
        "engagement"
      ]
    },
    "limit": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "floor": {
          "type": [
            "number",
            "null"
          ]
        },
        "cap": {
          "type": [
            "number",
            "null"
          ]
        }
      }
    },
    "group": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "name",
        "dimension"
      ],
      "properties": {
        "name": {
          "$ref": "#/$defs/name"
        },
        "dimension": {
          "$ref": "#/$defs/dimension"
        },
        "floor": {
          "type": [
            "number",
            "null"
          ]
        },
        "cap": {
          "type": [
            "number",
            "null"
          ]
        },
        "decay": {
          "$ref": "#/$defs/decay"
        }
      }
    },
    "decay": "@DECAY@",
    "condition": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "field": {
          "enum": [
            "source",
            "contact.emailDomain",
            "contact.emailIsFreeMail",
            "contact.jobTitle",
            "contact.seniority",
            "contact.language",
            "company.domain",
            "company.industry",
            "company.country",
            "company.region",
            "company.employeeCount",
            "company.annualRevenue",
            "timeframe.kind",
            "timeframe.days",
            "bant.budget",
            "bant.authority",
            "bant.need",
            "bant.timeline",
            "bant.confirmedCount",
            "consent.marketing",
            "consent.doNotContact",
            "consent.doNotEmail",
            "consent.doNotCall",
            "account.isCustomer",
            "recycled",
            "custom"
          ]
        },
        "key": {
          "$ref": "#/$defs/machineName"
        },
        "op": {
          "enum": [
            "equals",
            "notEquals",
            "in",
            "notIn",
            "startsWith",
            "endsWith",
            "contains",
            "atLeast",
            "atMost",
            "between",
            "isTrue",
            "isFalse",
            "exists",
            "notExists"
          ]
        },
        "value": {
          "type": [
            "string",
            "number"
          ]
        },
        "values": {
          "type": "array",
          "items": {
            "type": "string",
            "minLength": 1,
            "maxLength": 1024
          }
        },
        "min": {
          "type": "number"
        },
        "max": {
          "type": "number"
        },
        "all": {
          "type": "array",
          "minItems": 1,
          "items": {
            "$ref": "#/$defs/condition"
          }
        },
        "any": {
          "type": "array",
          "minItems": 1,
          "items": {
            "$ref": "#/$defs/condition"
          }
        },
        "not": {
          "$ref": "#/$defs/condition"
        }
      },
      "oneOf": [
        {
          "required": [
            "field",
            "op"
          ]
        },
        {
          "required": [
            "all"
          ]
        },
        {
          "required": [
            "any"
          ]
        },
        {
          "required": [
            "not"
          ]
        }
      ],
      "$comment": "Each operator allows only the properties it uses (docs/scoring-rules.md, Conditions).",
      "allOf": [
        {
          "if": {
            "required": [
              "op"
            ],
            "properties": {
              "op": {
                "const": "equals"
              }
            }
          },
          "then": {
            "properties": {
              "values": {
                "maxItems": 1
              },
              "max": false
            }
          }
        },
        {
          "if": {
            "required": [
              "op"
            ],
            "properties": {
              "op": {
                "const": "notEquals"
              }
            }
          },
          "then": {
            "properties": {
              "value": {
                "type": "string"
              },
              "values": {
                "maxItems": 1
              },
              "min": false,
              "max": false
            }
          }
        },
        {
          "if": {
            "required": [
              "op"
            ],
            "properties": {
              "op": {
                "enum": [
                  "in",
                  "notIn",
                  "startsWith",
                  "endsWith",
                  "contains"
                ]
              }
            }
          },
          "then": {
            "required": [
              "values"
            ],
            "properties": {
              "value": false,
              "values": {
                "minItems": 1
              },
              "min": false,
              "max": false
            }
          }
        },
        {
          "if": {
            "required": [
              "op"
            ],
            "properties": {
              "op": {
                "const": "atLeast"
              }
            }
          },
          "then": {
            "required": [
              "min"
            ],
            "properties": {
              "value": false,
              "values": false,
              "max": false
            }
          }
        },
        {
          "if": {
            "required": [
              "op"
            ],
            "properties": {
              "op": {
                "const": "atMost"
              }
            }
          },
          "then": {
            "required": [
              "max"
            ],
            "properties": {
              "value": false,
              "values": false,
              "min": false
            }
          }
        },
        {
          "if": {
            "required": [
              "op"
            ],
            "properties": {
              "op": {
                "const": "between"
              }
            }
          },
          "then": {
            "required": [
              "min",
              "max"
            ],
            "properties": {
              "value": false,
              "values": false
            }
          }
        },
        {
          "if": {
            "required": [
              "op"
            ],
            "properties": {
              "op": {
                "enum": [
                  "isTrue",
                  "isFalse",
                  "exists",
                  "notExists"
                ]
              }
            }
          },
          "then": {
            "properties": {
              "value": false,
              "values": false,
              "min": false,
              "max": false
            }
          }
        },
        {
          "if": {
            "required": [
              "op",
              "min"
            ],
            "properties": {
              "op": {
                "const": "equals"
              }
            }
          },
          "then": {
            "not": {
              "anyOf": [
                {
                  "required": [
                    "values"
                  ]
                },
                {
                  "required": [
                    "value"
                  ]
                }
              ]
            }
          }
        }
      ]
    },
    "rule": "@RULE@"
  }
}
""";
}
