// Validate every document of a Kubernetes YAML stream against the API
// schemas of the kubernetes-models package (npm), so that a generated
// manifest is checked by the same OpenAPI schemas the API server uses.
// usage: node validate-k8s.cjs FILE.yaml   (NODE_PATH points at node_modules)
// Prints "ok KIND NAME" per document; exits 1 on the first invalid one.
const fs = require("fs");
const yaml = require("js-yaml");
const models = {
  "v1/PersistentVolumeClaim": () => require("kubernetes-models/v1").PersistentVolumeClaim,
  "v1/Service": () => require("kubernetes-models/v1").Service,
  "apps/v1/Deployment": () => require("kubernetes-models/apps/v1").Deployment,
  "autoscaling/v2/HorizontalPodAutoscaler": () => require("kubernetes-models/autoscaling/v2").HorizontalPodAutoscaler,
  "policy/v1/PodDisruptionBudget": () => require("kubernetes-models/policy/v1").PodDisruptionBudget,
};
// A LeaderWorkerSet is a CRD: its spec is checked against the CRD's own
// OpenAPI schema (tests/data/k8s/leaderworkerset-v1.schema.json, from the
// lws release, unknown fields refused as kubectl --validate=strict does),
// its pod templates as Pods.
const path = require("path");
let lwsValidate = null;
const lws = () => {
  if (!lwsValidate) {
    const Ajv = require("ajv");
    const schema = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "data", "k8s",
      "leaderworkerset-v1.schema.json"), "utf8"));
    delete schema["$comment"];
    lwsValidate = new Ajv({ strict: false, allErrors: true, validateFormats: false }).compile(schema);
  }
  return lwsValidate;
};
const Pod = () => require("kubernetes-models/v1").Pod;
let status = 0;
for (const doc of yaml.loadAll(fs.readFileSync(process.argv[2], "utf8"))) {
  if (!doc) continue;
  const key = `${doc.apiVersion}/${doc.kind}`;
  try {
    if (models[key]) {
      new (models[key]())(doc).validate();
    } else if (key === "leaderworkerset.x-k8s.io/v1/LeaderWorkerSet") {
      if (!lws()(doc))
        throw new Error(JSON.stringify(lws().errors.slice(0, 3)));
      const t = doc.spec.leaderWorkerTemplate;
      for (const tpl of [t.leaderTemplate, t.workerTemplate])
        new (Pod())({ apiVersion: "v1", kind: "Pod", metadata: { name: "x" }, spec: tpl.spec }).validate();
    } else {
      throw new Error(`no schema for ${key}`);
    }
    console.log(`ok ${doc.kind} ${doc.metadata.name}`);
  } catch (e) {
    console.log(`invalid ${key} ${doc.metadata && doc.metadata.name}: ${e.message}`);
    status = 1;
  }
}
process.exit(status);
