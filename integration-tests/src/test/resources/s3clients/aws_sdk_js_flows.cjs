// R2-10 with the AWS SDK for JavaScript v3 (@aws-sdk/client-s3, pinned in integration-tests/aws-sdk-js), run by
// S3ClientsEndToEndTest against the real stack. The client keeps its defaults: flexible checksums on every upload
// (CRC32, in an aws-chunked body with a trailer when the body is a stream), response checksum validation.
// Prints "ok <name>" or "FAIL <name>: <why>" per check; exits 1 when any failed.
// Environment: S3_ENDPOINT, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, BUCKET_PREFIX; NODE_PATH finds the SDK.
"use strict";
const assert = require("node:assert/strict");
const crypto = require("node:crypto");
const { Readable } = require("node:stream");
const s3sdk = require("@aws-sdk/client-s3");
const { getSignedUrl } = require("@aws-sdk/s3-request-presigner");

const {
  S3Client, CreateBucketCommand, PutObjectCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command,
  DeleteObjectCommand, DeleteObjectsCommand, CopyObjectCommand, CreateMultipartUploadCommand, UploadPartCommand,
  CompleteMultipartUploadCommand, ListPartsCommand, AbortMultipartUploadCommand, HeadBucketCommand,
  GetBucketLocationCommand, ListBucketsCommand, UploadPartCopyCommand, GetObjectTaggingCommand,
  ListObjectVersionsCommand,
} = s3sdk;

const BUCKET = (process.env.BUCKET_PREFIX || "sdkjs") + "-main";
const MIB = 1024 * 1024;
const s3 = new S3Client({
  endpoint: process.env.S3_ENDPOINT,
  region: "auto",
  forcePathStyle: true,
  maxAttempts: 1,
  credentials: { accessKeyId: process.env.AWS_ACCESS_KEY_ID, secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY },
});

const seenRequests = [];
// records what the SDK put on the wire, to show the checksum modes really were used
s3.middlewareStack.add((next) => async (args) => {
  const h = args.request.headers || {};
  seenRequests.push({
    sha: h["x-amz-content-sha256"], trailer: h["x-amz-trailer"], sum: Object.keys(h).find((k) => k.startsWith("x-amz-checksum-")),
    encoding: h["content-encoding"], length: h["content-length"],
  });
  return next(args);
}, { step: "finalizeRequest", priority: "low", name: "recordWire" });

async function text(body) {
  return Buffer.from(await body.transformToByteArray()).toString("utf8");
}

async function bytes(body) {
  return Buffer.from(await body.transformToByteArray());
}

async function failure(promise) {
  try {
    await promise;
  } catch (e) {
    return { status: e.$metadata && e.$metadata.httpStatusCode, code: e.name };
  }
  throw new Error("expected the call to fail");
}

const checks = {
  async bucketsAndLocation() {
    await s3.send(new HeadBucketCommand({ Bucket: BUCKET }));
    const all = await s3.send(new ListBucketsCommand({}));
    assert.ok(all.Buckets.some((b) => b.Name === BUCKET));
    const loc = await s3.send(new GetBucketLocationCommand({ Bucket: BUCKET }));
    assert.ok(loc.LocationConstraint === undefined || loc.LocationConstraint === "auto", JSON.stringify(loc));
  },

  async putWithDefaultChecksums() {
    const before = seenRequests.length;
    const put = await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: "js/string.txt", Body: "hello from sdk v3",
      ContentType: "text/plain", Metadata: { origin: "sdk-v3" } }));
    const wire = seenRequests[before];
    assert.ok(wire.sum || wire.trailer, "the SDK sent no flexible checksum: " + JSON.stringify(wire));
    assert.ok(put.ETag);
    const got = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: "js/string.txt" }));
    assert.equal(await text(got.Body), "hello from sdk v3");
    assert.equal(got.ContentType, "text/plain");
    assert.equal(got.Metadata.origin, "sdk-v3");
  },

  async streamUploadWithTrailingChecksum() {
    // a stream: aws-chunked, STREAMING-UNSIGNED-PAYLOAD-TRAILER, x-amz-trailer: x-amz-checksum-crc32
    const data = crypto.randomBytes(300 * 1024);
    const parts = [data.subarray(0, 100000), data.subarray(100000)];
    const before = seenRequests.length;
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: "js/stream.bin", Body: Readable.from(parts),
      ContentLength: data.length }));
    const wire = seenRequests[before];
    assert.equal(wire.sha, "STREAMING-UNSIGNED-PAYLOAD-TRAILER", JSON.stringify(wire));
    assert.match(wire.trailer || "", /^x-amz-checksum-/);
    const got = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: "js/stream.bin" }));
    assert.ok((await bytes(got.Body)).equals(data));
  },

  async explicitChecksumsAreCheckedAndEchoed() {
    const body = Buffer.from("checksummed by the sdk");
    for (const algorithm of ["CRC32", "CRC32C", "SHA1", "SHA256"]) {
      const put = await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: "js/sum-" + algorithm, Body: body,
        ChecksumAlgorithm: algorithm }));
      assert.ok(put["Checksum" + algorithm], algorithm + " not echoed: " + JSON.stringify(put));
    }
    const sha = crypto.createHash("sha256").update(body).digest("base64");
    const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: "js/sum-SHA256", ChecksumMode: "ENABLED" }));
    assert.equal(head.ChecksumSHA256, sha);
    // a checksum that does not match the body is refused, nothing stored
    const wrong = crypto.createHash("sha256").update("other").digest("base64");
    const bad = await failure(s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: "js/bad-sum", Body: body,
      ChecksumSHA256: wrong })));
    assert.deepEqual(bad, { status: 400, code: "BadDigest" });
    const missing = await failure(s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: "js/bad-sum" })));
    assert.equal(missing.status, 404);
  },

  async rangesAndConditionals() {
    const put = await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: "js/range.txt", Body: "0123456789" }));
    const part = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: "js/range.txt", Range: "bytes=2-5" }));
    assert.equal(await text(part.Body), "2345");
    assert.equal(part.ContentRange, "bytes 2-5/10");
    const tail = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: "js/range.txt", Range: "bytes=-3" }));
    assert.equal(await text(tail.Body), "789");
    const bad = await failure(s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: "js/range.txt", Range: "bytes=20-30" })));
    assert.deepEqual(bad, { status: 416, code: "InvalidRange" });
    const same = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: "js/range.txt", IfMatch: put.ETag }));
    assert.equal(await text(same.Body), "0123456789");
    const notModified = await failure(s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: "js/range.txt",
      IfNoneMatch: put.ETag })));
    assert.equal(notModified.status, 304);
    const failed = await failure(s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: "js/range.txt", IfMatch: '"x"' })));
    assert.deepEqual(failed, { status: 412, code: "PreconditionFailed" });
    // conditional writes: create-only and compare-and-swap
    const exists = await failure(s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: "js/range.txt", Body: "x",
      IfNoneMatch: "*" })));
    assert.deepEqual(exists, { status: 412, code: "PreconditionFailed" });
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: "js/range.txt", Body: "swapped", IfMatch: put.ETag }));
    const stale = await failure(s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: "js/range.txt", Body: "late",
      IfMatch: put.ETag })));
    assert.deepEqual(stale, { status: 412, code: "PreconditionFailed" });
  },

  async multipartWithPartChecksums() {
    const key = "js/multipart.bin";
    const p1 = crypto.randomBytes(5 * MIB);
    const p2 = crypto.randomBytes(4096);
    const up = await s3.send(new CreateMultipartUploadCommand({ Bucket: BUCKET, Key: key, ContentType: "application/x-js",
      ChecksumAlgorithm: "CRC32" }));
    const r1 = await s3.send(new UploadPartCommand({ Bucket: BUCKET, Key: key, UploadId: up.UploadId, PartNumber: 1,
      Body: p1, ChecksumAlgorithm: "CRC32" }));
    const r2 = await s3.send(new UploadPartCommand({ Bucket: BUCKET, Key: key, UploadId: up.UploadId, PartNumber: 2,
      Body: p2, ChecksumAlgorithm: "CRC32" }));
    assert.ok(r1.ChecksumCRC32, "part checksum not echoed: " + JSON.stringify(r1));
    const listed = await s3.send(new ListPartsCommand({ Bucket: BUCKET, Key: key, UploadId: up.UploadId }));
    assert.deepEqual(listed.Parts.map((p) => p.PartNumber), [1, 2]);
    const done = await s3.send(new CompleteMultipartUploadCommand({ Bucket: BUCKET, Key: key, UploadId: up.UploadId,
      MultipartUpload: { Parts: [
        { PartNumber: 1, ETag: r1.ETag, ChecksumCRC32: r1.ChecksumCRC32 },
        { PartNumber: 2, ETag: r2.ETag, ChecksumCRC32: r2.ChecksumCRC32 }] } }));
    assert.match(done.ETag, /-2"$/);
    const got = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
    assert.ok((await bytes(got.Body)).equals(Buffer.concat([p1, p2])));
    assert.equal(got.ContentType, "application/x-js");
    // UploadPartCopy with a source range, and an abort
    const up2 = await s3.send(new CreateMultipartUploadCommand({ Bucket: BUCKET, Key: "js/copied-part" }));
    const copied = await s3.send(new UploadPartCopyCommand({ Bucket: BUCKET, Key: "js/copied-part", UploadId: up2.UploadId,
      PartNumber: 1, CopySource: BUCKET + "/" + key, CopySourceRange: "bytes=10-19" }));
    await s3.send(new CompleteMultipartUploadCommand({ Bucket: BUCKET, Key: "js/copied-part", UploadId: up2.UploadId,
      MultipartUpload: { Parts: [{ PartNumber: 1, ETag: copied.CopyPartResult.ETag }] } }));
    const small = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: "js/copied-part" }));
    assert.ok((await bytes(small.Body)).equals(p1.subarray(10, 20)));
    const up3 = await s3.send(new CreateMultipartUploadCommand({ Bucket: BUCKET, Key: "js/aborted" }));
    await s3.send(new AbortMultipartUploadCommand({ Bucket: BUCKET, Key: "js/aborted", UploadId: up3.UploadId }));
    const gone = await failure(s3.send(new ListPartsCommand({ Bucket: BUCKET, Key: "js/aborted", UploadId: up3.UploadId })));
    assert.deepEqual(gone, { status: 404, code: "NoSuchUpload" });
  },

  async listingWithDelimiterAndPages() {
    for (const k of ["js/list/a", "js/list/b/1", "js/list/b/2", "js/list/c d", "js/list/é"]) {
      await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: k, Body: k }));
    }
    const top = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: "js/list/", Delimiter: "/" }));
    assert.deepEqual(top.Contents.map((o) => o.Key), ["js/list/a", "js/list/c d", "js/list/é"]);
    assert.deepEqual(top.CommonPrefixes.map((p) => p.Prefix), ["js/list/b/"]);
    const keys = [];
    let token;
    do {
      const page = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: "js/list/", MaxKeys: 2,
        ContinuationToken: token }));
      keys.push(...(page.Contents || []).map((o) => o.Key));
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    assert.equal(keys.length, 5);
    const versions = await s3.send(new ListObjectVersionsCommand({ Bucket: BUCKET, Prefix: "js/list/b/" }));
    assert.deepEqual(versions.Versions.map((v) => v.Key), ["js/list/b/1", "js/list/b/2"]);
  },

  async copyAndDelete() {
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: "js/copy-src", Body: "copy me", ContentType: "text/a",
      Metadata: { a: "1" } }));
    await s3.send(new CopyObjectCommand({ Bucket: BUCKET, Key: "js/copy-dst", CopySource: BUCKET + "/js/copy-src",
      MetadataDirective: "REPLACE", ContentType: "text/b", Metadata: { b: "2" } }));
    const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: "js/copy-dst" }));
    assert.equal(head.ContentType, "text/b");
    assert.deepEqual(head.Metadata, { b: "2" });
    const tags = await s3.send(new GetObjectTaggingCommand({ Bucket: BUCKET, Key: "js/copy-dst" }));
    assert.deepEqual(tags.TagSet, []);
    // DeleteObjects: the SDK sends a flexible checksum of the XML body instead of Content-MD5
    const del = await s3.send(new DeleteObjectsCommand({ Bucket: BUCKET, Delete: { Objects: [
      { Key: "js/copy-src" }, { Key: "js/copy-dst" }, { Key: "js/never-there" }] } }));
    assert.equal(del.Deleted.length, 3);
    await s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: "js/never-there" }));
    const gone = await failure(s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: "js/copy-src" })));
    assert.deepEqual(gone, { status: 404, code: "NoSuchKey" });
  },

  async presignedGetAndPut() {
    const putUrl = await getSignedUrl(s3, new PutObjectCommand({ Bucket: BUCKET, Key: "js/presigned.txt" }),
      { expiresIn: 300 });
    const put = await fetch(putUrl, { method: "PUT", body: "via presigned put" });
    assert.equal(put.status, 200, await put.text());
    const getUrl = await getSignedUrl(s3, new GetObjectCommand({ Bucket: BUCKET, Key: "js/presigned.txt",
      ResponseContentDisposition: "attachment; filename=\"p.txt\"" }), { expiresIn: 300 });
    const got = await fetch(getUrl);
    assert.equal(got.status, 200);
    assert.equal(await got.text(), "via presigned put");
    assert.equal(got.headers.get("content-disposition"), "attachment; filename=\"p.txt\"");
    const tampered = await fetch(getUrl.replace("js%2Fpresigned.txt", "js%2Fother.txt").replace("js/presigned.txt", "js/other.txt"));
    assert.equal(tampered.status, 403);
    assert.match(await tampered.text(), /<Code>SignatureDoesNotMatch<\/Code>/);
  },

  async wrongSecretIsRefused() {
    const bad = new S3Client({ endpoint: process.env.S3_ENDPOINT, region: "auto", forcePathStyle: true, maxAttempts: 1,
      credentials: { accessKeyId: process.env.AWS_ACCESS_KEY_ID, secretAccessKey: "not-the-secret" } });
    const refused = await failure(bad.send(new ListObjectsV2Command({ Bucket: BUCKET })));
    assert.deepEqual(refused, { status: 403, code: "SignatureDoesNotMatch" });
  },
};

(async () => {
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  let failed = 0;
  for (const [name, fn] of Object.entries(checks)) {
    try {
      await fn();
      console.log("ok " + name);
    } catch (e) {
      failed++;
      console.log("FAIL " + name + ": " + (e && e.stack ? e.stack : e));
    }
  }
  const version = require("@aws-sdk/client-s3/package.json").version;
  console.log(`@aws-sdk/client-s3 ${version}: ${Object.keys(checks).length} checks, ${failed} failed`);
  process.exit(failed ? 1 : 0);
})();
