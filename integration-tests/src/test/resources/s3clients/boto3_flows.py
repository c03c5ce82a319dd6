"""R2-10 with boto3 (Debian's python3-boto3), run by S3ClientsEndToEndTest against the real stack.

Each check is a function; the behaviours follow ceph's s3-tests (s3tests_boto3/functional/test_s3.py), written
again here for Outpost: error codes, list edge cases, ranges, conditional reads and writes, copy directives,
multipart rules, presigned URLs. Every check runs; the script prints "ok <name>" or "FAIL <name>: <why>" per check
and exits 1 when any failed.

Environment: S3_ENDPOINT, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, BUCKET_PREFIX.
"""
import datetime
import hashlib
import os
import sys
import time
import traceback
import urllib.error
import urllib.request

import boto3
import botocore
from botocore.client import Config
from botocore.exceptions import ClientError

ENDPOINT = os.environ["S3_ENDPOINT"]
PREFIX = os.environ.get("BUCKET_PREFIX", "boto3")
MIB = 1024 * 1024

s3 = boto3.client("s3", endpoint_url=ENDPOINT, region_name="auto",
                  config=Config(signature_version="s3v4", s3={"addressing_style": "path"},
                                retries={"max_attempts": 1}))
BUCKET = PREFIX + "-main"


def error_of(call, *args, **kwargs):
    """(HTTP status, S3 error code) of a call that must fail."""
    try:
        call(*args, **kwargs)
    except ClientError as e:
        return e.response["ResponseMetadata"]["HTTPStatusCode"], e.response["Error"]["Code"]
    raise AssertionError("expected an error from %s" % call.__name__)


def expect_error(status, code, call, *args, **kwargs):
    got = error_of(call, *args, **kwargs)
    assert got == (status, code), "expected %s %s, got %s %s" % (status, code, got[0], got[1])


def put(key, body=b"", **kwargs):
    return s3.put_object(Bucket=BUCKET, Key=key, Body=body, **kwargs)


def body_of(key, **kwargs):
    return s3.get_object(Bucket=BUCKET, Key=key, **kwargs)["Body"].read()


def http(method, url, data=None, headers=None):
    """A raw request (presigned URLs): (status, body, headers)."""
    req = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req) as r:
            return r.status, r.read(), r.headers
    except urllib.error.HTTPError as e:
        return e.code, e.read(), e.headers


# ------------------------------------------------------------------ buckets

def check_bucket_lifecycle():
    name = PREFIX + "-life"
    s3.create_bucket(Bucket=name)
    s3.head_bucket(Bucket=name)
    assert name in [b["Name"] for b in s3.list_buckets()["Buckets"]]
    # s3-tests test_bucket_create_exists
    expect_error(409, "BucketAlreadyOwnedByYou", s3.create_bucket, Bucket=name)
    loc = s3.get_bucket_location(Bucket=name)
    assert loc["LocationConstraint"] in (None, "auto"), loc
    # versioning was never enabled: no Status at all
    assert "Status" not in s3.get_bucket_versioning(Bucket=name)
    s3.put_object(Bucket=name, Key="x", Body=b"1")
    expect_error(409, "BucketNotEmpty", s3.delete_bucket, Bucket=name)
    s3.delete_object(Bucket=name, Key="x")
    s3.delete_bucket(Bucket=name)
    expect_error(404, "NoSuchBucket", s3.delete_bucket, Bucket=name)
    assert error_of(s3.head_bucket, Bucket=name)[0] == 404


def check_invalid_bucket_names():
    # s3-tests test_bucket_create_naming_bad_*: too short, too long, upper case, underscore, IP address
    for bad in ["ab", "a" * 64, "Upper-case", "under_score", "192.168.5.4", "-leading", "trailing-"]:
        got = error_of(s3.create_bucket, Bucket=bad) if _botocore_allows(bad) else (400, "InvalidBucketName")
        assert got == (400, "InvalidBucketName"), "%s: %s" % (bad, got)


def _botocore_allows(name):
    # botocore refuses some names itself before sending (e.g. with characters outside its own pattern)
    import re
    return re.match(r"^[a-zA-Z0-9.\-_]{1,255}$", name) is not None


def check_missing_bucket_and_key():
    expect_error(404, "NoSuchBucket", s3.put_object, Bucket=PREFIX + "-absent", Key="k", Body=b"x")
    expect_error(404, "NoSuchBucket", s3.list_objects_v2, Bucket=PREFIX + "-absent")
    expect_error(404, "NoSuchKey", s3.get_object, Bucket=BUCKET, Key="never/written")
    assert error_of(s3.head_object, Bucket=BUCKET, Key="never/written")[0] == 404
    # s3-tests test_object_delete_key_bucket_gone-style: deleting a missing key is not an error
    assert s3.delete_object(Bucket=BUCKET, Key="never/written")["ResponseMetadata"]["HTTPStatusCode"] == 204


def check_unsupported_subresources_answer_in_s3_xml():
    put("tags/obj", b"t")
    # no tags can exist: the empty set (what S3 answers for an untagged object / bucket)
    assert s3.get_object_tagging(Bucket=BUCKET, Key="tags/obj")["TagSet"] == []
    expect_error(404, "NoSuchTagSet", s3.get_bucket_tagging, Bucket=BUCKET)
    expect_error(501, "NotImplemented", s3.put_object_tagging, Bucket=BUCKET, Key="tags/obj",
                 Tagging={"TagSet": [{"Key": "a", "Value": "b"}]})
    expect_error(404, "NoSuchCORSConfiguration", s3.get_bucket_cors, Bucket=BUCKET)
    expect_error(404, "NoSuchLifecycleConfiguration", s3.get_bucket_lifecycle_configuration, Bucket=BUCKET)
    expect_error(404, "NoSuchBucketPolicy", s3.get_bucket_policy, Bucket=BUCKET)
    acl = s3.get_bucket_acl(Bucket=BUCKET)
    assert acl["Grants"][0]["Permission"] == "FULL_CONTROL", acl
    acl = s3.get_object_acl(Bucket=BUCKET, Key="tags/obj")
    assert acl["Grants"][0]["Permission"] == "FULL_CONTROL", acl


def check_list_object_versions():
    put("versions/a", b"1")
    put("versions/b", b"22")
    listed = s3.list_object_versions(Bucket=BUCKET, Prefix="versions/")
    versions = listed["Versions"]
    assert [v["Key"] for v in versions] == ["versions/a", "versions/b"], listed
    assert all(v["VersionId"] == "null" and v["IsLatest"] for v in versions), versions
    assert versions[1]["Size"] == 2
    assert "DeleteMarkers" not in listed or listed["DeleteMarkers"] == []


# ------------------------------------------------------------------ objects

def check_put_get_metadata():
    put("meta/obj", b"hello", ContentType="text/plain", CacheControl="max-age=60",
        ContentDisposition="attachment", ContentLanguage="en", Metadata={"color": "blue"},
        Expires=datetime.datetime(2030, 1, 1, tzinfo=datetime.timezone.utc))
    got = s3.get_object(Bucket=BUCKET, Key="meta/obj")
    assert got["Body"].read() == b"hello"
    assert got["ContentType"] == "text/plain"
    assert got["CacheControl"] == "max-age=60"
    assert got["ContentDisposition"] == "attachment"
    assert got["ContentLanguage"] == "en"
    assert got["Metadata"]["color"] == "blue", got["Metadata"]
    assert got["ETag"] == '"%s"' % hashlib.md5(b"hello").hexdigest()
    assert got["ContentLength"] == 5
    # s3-tests test_object_metadata_replaced_on_put
    put("meta/obj", b"again")
    assert s3.head_object(Bucket=BUCKET, Key="meta/obj")["Metadata"] == {}


def check_response_header_overrides():
    put("override/obj", b"body", ContentType="text/plain")
    # s3-tests test_get_object_response_headers: response-* query parameters on a signed GET
    got = s3.get_object(Bucket=BUCKET, Key="override/obj", ResponseCacheControl="no-cache",
                        ResponseContentDisposition="attachment; filename=x.txt", ResponseContentEncoding="identity",
                        ResponseContentLanguage="de", ResponseContentType="application/json",
                        ResponseExpires=datetime.datetime(2031, 1, 1, tzinfo=datetime.timezone.utc))
    assert got["ContentType"] == "application/json", got["ContentType"]
    assert got["CacheControl"] == "no-cache"
    assert got["ContentDisposition"] == "attachment; filename=x.txt"
    assert got["ContentLanguage"] == "de"
    # ... and on a presigned one
    url = s3.generate_presigned_url("get_object", Params={"Bucket": BUCKET, "Key": "override/obj",
                                                           "ResponseContentType": "image/png"}, ExpiresIn=300)
    status, body, headers = http("GET", url)
    assert status == 200 and body == b"body" and headers["Content-Type"] == "image/png", (status, headers)


def check_zero_byte_and_empty_keys():
    put("empty/zero", b"")
    head = s3.head_object(Bucket=BUCKET, Key="empty/zero")
    assert head["ContentLength"] == 0
    assert body_of("empty/zero") == b""


def check_special_keys_round_trip():
    # a 1024-byte key in 6 segments: S3Proxy's file store cannot hold a 1024-byte file name (MinIO and R2 can)
    for key in ["space key.txt", "plus+key", "percent%20key", "unicode/ключ-鍵", "a/../b", "q?x=1&y", "tilde~/x",
                "/".join(["x" * 200] * 5) + "/" + "y" * 19]:
        put(key, key.encode())
        assert body_of(key) == key.encode(), key
        listed = [o["Key"] for o in s3.list_objects_v2(Bucket=BUCKET, Prefix=key)["Contents"]]
        assert key in listed, (key, listed)
        s3.delete_object(Bucket=BUCKET, Key=key)
    # S3 says KeyTooLongError, R2 InvalidObjectName
    assert error_of(s3.put_object, Bucket=BUCKET, Key="y" * 1025, Body=b"x") in [(400, "KeyTooLongError"),
                                                                              (400, "InvalidObjectName")]


# ------------------------------------------------------------------ ranges

def check_ranges():
    put("range/obj", b"testcontent", ContentType="text/plain")
    r = s3.get_object(Bucket=BUCKET, Key="range/obj", Range="bytes=4-7")
    assert r["Body"].read() == b"cont" and r["ContentRange"] == "bytes 4-7/11", r
    assert r["ResponseMetadata"]["HTTPStatusCode"] == 206
    # s3-tests test_ranged_request_skip_leading_bytes / return_trailing_bytes
    assert body_of("range/obj", Range="bytes=4-") == b"content"
    assert body_of("range/obj", Range="bytes=-7") == b"content"
    # an overlong end is truncated (s3-tests test_ranged_big_request_response_code)
    assert body_of("range/obj", Range="bytes=3-100") == b"tcontent"
    # s3-tests test_ranged_request_invalid_range / empty_object
    expect_error(416, "InvalidRange", s3.get_object, Bucket=BUCKET, Key="range/obj", Range="bytes=40-50")
    expect_error(416, "InvalidRange", s3.get_object, Bucket=BUCKET, Key="range/obj", Range="bytes=-0")
    put("range/empty", b"")
    expect_error(416, "InvalidRange", s3.get_object, Bucket=BUCKET, Key="range/empty", Range="bytes=40-50")
    # a syntactically invalid range is ignored: the whole body
    assert body_of("range/obj", Range="bytes=abc") == b"testcontent"


# ------------------------------------------------------------------ conditionals

def check_conditional_get():
    etag = put("cond/get", b"data")["ETag"]
    assert body_of("cond/get", IfMatch=etag) == b"data"
    expect_error(412, "PreconditionFailed", s3.get_object, Bucket=BUCKET, Key="cond/get", IfMatch='"nope"')
    assert error_of(s3.get_object, Bucket=BUCKET, Key="cond/get", IfNoneMatch=etag)[0] == 304
    assert body_of("cond/get", IfNoneMatch='"other"') == b"data"
    old = datetime.datetime(1994, 10, 29, tzinfo=datetime.timezone.utc)
    future = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=1)
    assert body_of("cond/get", IfModifiedSince=old) == b"data"
    assert error_of(s3.get_object, Bucket=BUCKET, Key="cond/get", IfModifiedSince=future)[0] == 304
    expect_error(412, "PreconditionFailed", s3.get_object, Bucket=BUCKET, Key="cond/get", IfUnmodifiedSince=old)
    assert body_of("cond/get", IfUnmodifiedSince=future) == b"data"


def _put_with_headers(key, body, headers):
    """PutObject with extra raw headers (older botocore has no IfMatch/IfNoneMatch parameters for it)."""
    def add(request, **kwargs):
        for k, v in headers.items():
            request.headers[k] = v
    event = "before-sign.s3.PutObject"
    s3.meta.events.register(event, add)
    try:
        return s3.put_object(Bucket=BUCKET, Key=key, Body=body)
    finally:
        s3.meta.events.unregister(event, add)


def check_conditional_put():
    # s3-tests test_put_object_if(non)match_*
    etag = put("cond/put", b"v1")["ETag"]
    _put_with_headers("cond/put", b"v2", {"If-Match": etag})
    assert body_of("cond/put") == b"v2"
    expect_error(412, "PreconditionFailed", _put_with_headers, "cond/put", b"v3", {"If-Match": '"bad"'})
    expect_error(412, "PreconditionFailed", _put_with_headers, "cond/put", b"v3", {"If-None-Match": "*"})
    assert body_of("cond/put") == b"v2"
    _put_with_headers("cond/put-new", b"first", {"If-None-Match": "*"})
    assert body_of("cond/put-new") == b"first"
    status, code = error_of(_put_with_headers, "cond/put-missing", b"x", {"If-Match": "*"})
    assert (status, code) in [(412, "PreconditionFailed"), (404, "NoSuchKey")], (status, code)


# ------------------------------------------------------------------ copy

def check_copy_directives():
    put("copy/src", b"source", ContentType="text/x-src", Metadata={"k": "v"})
    s3.copy_object(Bucket=BUCKET, Key="copy/keep", CopySource={"Bucket": BUCKET, "Key": "copy/src"})
    kept = s3.head_object(Bucket=BUCKET, Key="copy/keep")
    assert kept["ContentType"] == "text/x-src" and kept["Metadata"] == {"k": "v"}, kept
    s3.copy_object(Bucket=BUCKET, Key="copy/replace", CopySource={"Bucket": BUCKET, "Key": "copy/src"},
                   MetadataDirective="REPLACE", ContentType="text/x-new", Metadata={"n": "w"})
    replaced = s3.head_object(Bucket=BUCKET, Key="copy/replace")
    assert replaced["ContentType"] == "text/x-new" and replaced["Metadata"] == {"n": "w"}, replaced
    assert body_of("copy/replace") == b"source"
    # s3-tests test_object_copy_to_itself / _with_metadata
    expect_error(400, "InvalidRequest", s3.copy_object, Bucket=BUCKET, Key="copy/src",
                 CopySource={"Bucket": BUCKET, "Key": "copy/src"})
    s3.copy_object(Bucket=BUCKET, Key="copy/src", CopySource={"Bucket": BUCKET, "Key": "copy/src"},
                   MetadataDirective="REPLACE", Metadata={"self": "yes"})
    assert s3.head_object(Bucket=BUCKET, Key="copy/src")["Metadata"] == {"self": "yes"}
    # s3-tests test_object_copy_key_not_found / bucket_not_found / copy_object_ifmatch_failed
    expect_error(404, "NoSuchKey", s3.copy_object, Bucket=BUCKET, Key="copy/x",
                 CopySource={"Bucket": BUCKET, "Key": "copy/none"})
    expect_error(404, "NoSuchBucket", s3.copy_object, Bucket=BUCKET, Key="copy/x",
                 CopySource={"Bucket": PREFIX + "-absent", "Key": "copy/src"})
    expect_error(412, "PreconditionFailed", s3.copy_object, Bucket=BUCKET, Key="copy/x",
                 CopySource={"Bucket": BUCKET, "Key": "copy/src"}, CopySourceIfMatch='"nope"')
    expect_error(400, "InvalidArgument", s3.copy_object, Bucket=BUCKET, Key="copy/x",
                 CopySource={"Bucket": BUCKET, "Key": "copy/src"}, MetadataDirective="SOMETIMES")


# ------------------------------------------------------------------ listing

def check_list_edge_cases():
    keys = ["list/a", "list/b/1", "list/b/2", "list/c+plus", "list/d space", "list/e/x"]
    for k in keys:
        put(k, b"x")
    # delimiter and prefix
    r = s3.list_objects_v2(Bucket=BUCKET, Prefix="list/", Delimiter="/")
    assert [o["Key"] for o in r["Contents"]] == ["list/a", "list/c+plus", "list/d space"], r
    assert [p["Prefix"] for p in r["CommonPrefixes"]] == ["list/b/", "list/e/"], r
    assert r["KeyCount"] == 5
    # pagination by continuation token
    seen, token = [], None
    while True:
        kw = {"ContinuationToken": token} if token else {}
        page = s3.list_objects_v2(Bucket=BUCKET, Prefix="list/", MaxKeys=2, **kw)
        seen += [o["Key"] for o in page.get("Contents", [])]
        if not page["IsTruncated"]:
            break
        token = page["NextContinuationToken"]
    assert seen == sorted(keys), seen
    # start-after (s3-tests test_bucket_listv2_startafter_*)
    r = s3.list_objects_v2(Bucket=BUCKET, Prefix="list/", StartAfter="list/b/2")
    assert [o["Key"] for o in r["Contents"]] == ["list/c+plus", "list/d space", "list/e/x"], r
    assert r["StartAfter"] == "list/b/2"
    # max-keys=0 (s3-tests test_bucket_list_maxkeys_zero)
    r = s3.list_objects_v2(Bucket=BUCKET, Prefix="list/", MaxKeys=0)
    assert r["IsTruncated"] is False and "Contents" not in r and r["KeyCount"] == 0, r
    # fetch-owner: owners only when asked for (v2), always in v1
    r = s3.list_objects_v2(Bucket=BUCKET, Prefix="list/a")
    assert "Owner" not in r["Contents"][0], r
    r = s3.list_objects_v2(Bucket=BUCKET, Prefix="list/a", FetchOwner=True)
    assert r["Contents"][0]["Owner"]["ID"], r
    r = s3.list_objects(Bucket=BUCKET, Prefix="list/a")
    assert r["Contents"][0]["Owner"]["ID"], r
    # v1 markers (s3-tests test_bucket_list_marker_*)
    r = s3.list_objects(Bucket=BUCKET, Prefix="list/", Marker="list/b/2", MaxKeys=2)
    assert [o["Key"] for o in r["Contents"]] == ["list/c+plus", "list/d space"] and r["IsTruncated"], r
    r = s3.list_objects(Bucket=BUCKET, Prefix="list/", Delimiter="/", MaxKeys=2)
    assert r["IsTruncated"] and r["NextMarker"] == "list/b/", r
    # invalid max-keys (s3-tests test_bucket_list_maxkeys_invalid)
    def bad_max_keys(request, **kwargs):
        request.url = request.url.replace("max-keys=7", "max-keys=blah")
    s3.meta.events.register("before-sign.s3.ListObjects", bad_max_keys)
    try:
        expect_error(400, "InvalidArgument", s3.list_objects, Bucket=BUCKET, MaxKeys=7)
    finally:
        s3.meta.events.unregister("before-sign.s3.ListObjects", bad_max_keys)


def _keys_and_prefixes(r):
    return [o["Key"] for o in r.get("Contents", [])], [p["Prefix"] for p in r.get("CommonPrefixes", [])]


def check_list_unusual_delimiters():
    # s3-tests test_bucket_list_delimiter_{alt,percentage,whitespace,dot,unreadable,empty,none,not_exist}
    bucket = PREFIX + "-delims"
    s3.create_bucket(Bucket=bucket)
    for k in ["bar", "baza", "cab", "foo"]:
        s3.put_object(Bucket=bucket, Key=k, Body=b"")
    keys, prefixes = _keys_and_prefixes(s3.list_objects(Bucket=bucket, Delimiter="a"))
    assert keys == ["foo"] and prefixes == ["ba", "ca"], (keys, prefixes)
    keys, prefixes = _keys_and_prefixes(s3.list_objects_v2(Bucket=bucket, Delimiter="a", Prefix="ba"))
    # the delimiter is looked for after the prefix only
    assert keys == ["bar"] and prefixes == ["baza"], (keys, prefixes)
    keys, prefixes = _keys_and_prefixes(s3.list_objects(Bucket=bucket, Delimiter="/"))
    assert keys == ["bar", "baza", "cab", "foo"] and prefixes == [], (keys, prefixes)
    keys, prefixes = _keys_and_prefixes(s3.list_objects(Bucket=bucket, Delimiter=""))
    assert keys == ["bar", "baza", "cab", "foo"] and prefixes == [], (keys, prefixes)
    for name, delim in [("percentage", "%"), ("whitespace", " "), ("dot", ".")]:
        b = PREFIX + "-d-" + name
        s3.create_bucket(Bucket=b)
        for k in ["b%ar", "b%az", "c%ab", "foo"] if delim == "%" else [
                k.replace("%", delim) for k in ["b%ar", "b%az", "c%ab", "foo"]]:
            s3.put_object(Bucket=b, Key=k, Body=b"")
        keys, prefixes = _keys_and_prefixes(s3.list_objects(Bucket=b, Delimiter=delim))
        assert keys == ["foo"] and prefixes == ["b" + delim, "c" + delim], (name, keys, prefixes)
    # paging through prefixes with a delimiter, v1 markers and v2 tokens (test_bucket_list_delimiter_prefix)
    b = PREFIX + "-d-paging"
    s3.create_bucket(Bucket=b)
    for k in ["asdf", "boo/bar", "boo/baz/xyzzy", "cquux/thud", "cquux/bla"]:
        s3.put_object(Bucket=b, Key=k, Body=b"")
    seen, marker = [], ""
    while True:
        r = s3.list_objects(Bucket=b, Delimiter="/", MaxKeys=1, Marker=marker)
        keys, prefixes = _keys_and_prefixes(r)
        seen += keys + prefixes
        if not r["IsTruncated"]:
            break
        marker = r["NextMarker"]
    assert seen == ["asdf", "boo/", "cquux/"], seen
    r = s3.list_objects_v2(Bucket=b, Delimiter="/", MaxKeys=1, StartAfter="asdf")
    assert _keys_and_prefixes(r) == ([], ["boo/"]), r
    # continuation-token wins over start-after (test_bucket_listv2_both_continuationtoken_startafter)
    r2 = s3.list_objects_v2(Bucket=b, Delimiter="/", MaxKeys=1, StartAfter="asdf",
                            ContinuationToken=r["NextContinuationToken"])
    assert _keys_and_prefixes(r2) == ([], ["cquux/"]) and not r2["IsTruncated"], r2
    # a prefix that matches nothing (test_bucket_list_prefix_not_exist)
    assert _keys_and_prefixes(s3.list_objects_v2(Bucket=b, Prefix="d")) == ([], [])


def check_list_url_encoding():
    # boto3 asks for encoding-type=url itself and decodes: keys come back as written
    put("enc/a+b c/ü", b"x")
    r = s3.list_objects_v2(Bucket=BUCKET, Prefix="enc/", Delimiter="/")
    assert r["CommonPrefixes"][0]["Prefix"] == "enc/a+b c/", r
    r = s3.list_objects(Bucket=BUCKET, Prefix="enc/")
    assert r["Contents"][0]["Key"] == "enc/a+b c/ü", r
    # ... and raw, the XML carries them encoded (s3-tests test_bucket_list_encoding_basic)
    url = s3.generate_presigned_url("list_objects_v2", Params={"Bucket": BUCKET, "Prefix": "enc/",
                                                               "EncodingType": "url"}, ExpiresIn=60)
    status, body, _ = http("GET", url)
    assert status == 200 and b"<Key>enc/a%2Bb%20c/%C3%BC</Key>" in body, body


def check_delete_objects():
    put("del/a", b"1")
    r = s3.delete_objects(Bucket=BUCKET, Delete={"Objects": [{"Key": "del/a"}, {"Key": "del/missing"}]})
    assert sorted(d["Key"] for d in r["Deleted"]) == ["del/a", "del/missing"], r
    assert "Errors" not in r or r["Errors"] == []
    r = s3.delete_objects(Bucket=BUCKET, Delete={"Objects": [{"Key": "del/b"}], "Quiet": True})
    assert "Deleted" not in r, r


# ------------------------------------------------------------------ multipart

def check_multipart():
    key = "mp/big"
    part1 = os.urandom(5 * MIB)
    part2 = os.urandom(1024)
    up = s3.create_multipart_upload(Bucket=BUCKET, Key=key, ContentType="application/x-mp", Metadata={"m": "1"})
    uid = up["UploadId"]
    e1 = s3.upload_part(Bucket=BUCKET, Key=key, UploadId=uid, PartNumber=1, Body=part1)["ETag"]
    s3.upload_part(Bucket=BUCKET, Key=key, UploadId=uid, PartNumber=2, Body=b"replaced by the next upload")
    # s3-tests test_multipart_upload_resend_part: the part uploaded last counts
    e2 = s3.upload_part(Bucket=BUCKET, Key=key, UploadId=uid, PartNumber=2, Body=part2)["ETag"]
    listed = s3.list_parts(Bucket=BUCKET, Key=key, UploadId=uid)
    assert [p["PartNumber"] for p in listed["Parts"]] == [1, 2], listed
    assert listed["Parts"][0]["Size"] == 5 * MIB
    uploads = s3.list_multipart_uploads(Bucket=BUCKET, Prefix="mp/")
    assert uid in [u["UploadId"] for u in uploads["Uploads"]], uploads
    # s3-tests test_multipart_upload_empty, test_multipart_upload_incorrect_etag
    expect_error(400, "MalformedXML", s3.complete_multipart_upload, Bucket=BUCKET, Key=key, UploadId=uid,
                 MultipartUpload={"Parts": []})
    expect_error(400, "InvalidPart", s3.complete_multipart_upload, Bucket=BUCKET, Key=key, UploadId=uid,
                 MultipartUpload={"Parts": [{"PartNumber": 1, "ETag": '"00000000000000000000000000000000"'}]})
    done = s3.complete_multipart_upload(Bucket=BUCKET, Key=key, UploadId=uid,
                                        MultipartUpload={"Parts": [{"PartNumber": 1, "ETag": e1},
                                                                   {"PartNumber": 2, "ETag": e2}]})
    assert done["ETag"].endswith('-2"'), done
    got = s3.get_object(Bucket=BUCKET, Key=key)
    assert got["Body"].read() == part1 + part2
    assert got["ContentType"] == "application/x-mp" and got["Metadata"] == {"m": "1"}
    # a range across the part boundary
    assert body_of(key, Range="bytes=%d-%d" % (5 * MIB - 2, 5 * MIB + 1)) == part1[-2:] + part2[:2]
    # s3-tests test_abort_multipart_upload_not_found, test_multipart_upload_size_too_small
    expect_error(404, "NoSuchUpload", s3.abort_multipart_upload, Bucket=BUCKET, Key=key, UploadId="nonexistent")
    small = s3.create_multipart_upload(Bucket=BUCKET, Key="mp/small")["UploadId"]
    s1 = s3.upload_part(Bucket=BUCKET, Key="mp/small", UploadId=small, PartNumber=1, Body=b"a" * 100)["ETag"]
    s2 = s3.upload_part(Bucket=BUCKET, Key="mp/small", UploadId=small, PartNumber=2, Body=b"b" * 100)["ETag"]
    expect_error(400, "EntityTooSmall", s3.complete_multipart_upload, Bucket=BUCKET, Key="mp/small", UploadId=small,
                 MultipartUpload={"Parts": [{"PartNumber": 1, "ETag": s1}, {"PartNumber": 2, "ETag": s2}]})
    s3.abort_multipart_upload(Bucket=BUCKET, Key="mp/small", UploadId=small)
    expect_error(404, "NoSuchUpload", s3.list_parts, Bucket=BUCKET, Key="mp/small", UploadId=small)


def check_upload_part_copy():
    src = os.urandom(5 * MIB + 10)
    put("mpc/src", src)
    uid = s3.create_multipart_upload(Bucket=BUCKET, Key="mpc/dst")["UploadId"]
    p1 = s3.upload_part_copy(Bucket=BUCKET, Key="mpc/dst", UploadId=uid, PartNumber=1,
                             CopySource={"Bucket": BUCKET, "Key": "mpc/src"},
                             CopySourceRange="bytes=0-%d" % (5 * MIB - 1))["CopyPartResult"]["ETag"]
    p2 = s3.upload_part_copy(Bucket=BUCKET, Key="mpc/dst", UploadId=uid, PartNumber=2,
                             CopySource={"Bucket": BUCKET, "Key": "mpc/src"},
                             CopySourceRange="bytes=%d-%d" % (5 * MIB, 5 * MIB + 9))["CopyPartResult"]["ETag"]
    # s3-tests test_multipart_copy_invalid_range
    status, code = error_of(s3.upload_part_copy, Bucket=BUCKET, Key="mpc/dst", UploadId=uid, PartNumber=3,
                            CopySource={"Bucket": BUCKET, "Key": "mpc/src"}, CopySourceRange="bytes=0-%d" % (6 * MIB))
    assert status in (400, 416) and code in ("InvalidRange", "InvalidArgument"), (status, code)
    s3.complete_multipart_upload(Bucket=BUCKET, Key="mpc/dst", UploadId=uid,
                                 MultipartUpload={"Parts": [{"PartNumber": 1, "ETag": p1},
                                                            {"PartNumber": 2, "ETag": p2}]})
    assert body_of("mpc/dst") == src


# ------------------------------------------------------------------ checksums, presigned, auth

def check_checksums():
    import base64
    import zlib
    data = b"checksummed body"
    crc = base64.b64encode(zlib.crc32(data).to_bytes(4, "big")).decode()
    r = s3.put_object(Bucket=BUCKET, Key="sum/crc", Body=data, ChecksumAlgorithm="CRC32")
    assert r.get("ChecksumCRC32") == crc, r
    sha = base64.b64encode(hashlib.sha256(data).digest()).decode()
    r = s3.put_object(Bucket=BUCKET, Key="sum/sha", Body=data, ChecksumSHA256=sha)
    assert r.get("ChecksumSHA256") == sha, r
    head = s3.head_object(Bucket=BUCKET, Key="sum/sha", ChecksumMode="ENABLED")
    assert head.get("ChecksumSHA256") == sha, head
    wrong = base64.b64encode(hashlib.sha256(b"other").digest()).decode()
    expect_error(400, "BadDigest", s3.put_object, Bucket=BUCKET, Key="sum/bad", Body=data, ChecksumSHA256=wrong)
    expect_error(400, "BadDigest", s3.put_object, Bucket=BUCKET, Key="sum/bad", Body=data,
                 ContentMD5=base64.b64encode(hashlib.md5(b"other").digest()).decode())
    assert error_of(s3.head_object, Bucket=BUCKET, Key="sum/bad")[0] == 404


def check_presigned_put_and_get():
    put_url = s3.generate_presigned_url("put_object", Params={"Bucket": BUCKET, "Key": "pre/obj"}, ExpiresIn=300)
    # urllib sends Content-Type: application/x-www-form-urlencoded with a body, like curl -d
    status, _, _ = http("PUT", put_url, data=b"presigned body")
    assert status == 200, status
    get_url = s3.generate_presigned_url("get_object", Params={"Bucket": BUCKET, "Key": "pre/obj"}, ExpiresIn=300)
    status, body, _ = http("GET", get_url)
    assert status == 200 and body == b"presigned body", (status, body)
    status, body, _ = http("GET", get_url.replace("X-Amz-Signature=", "X-Amz-Signature=0"))
    assert status == 403 and b"<Code>SignatureDoesNotMatch</Code>" in body, (status, body)
    # s3-tests test_object_raw_get_x_amz_expires_out_range_*
    status, body, _ = http("GET", get_url.replace("X-Amz-Expires=300", "X-Amz-Expires=609901"))
    assert status == 403 or status == 400, status


def check_auth_refusals():
    anon = boto3.client("s3", endpoint_url=ENDPOINT, region_name="auto",
                        config=Config(signature_version=botocore.UNSIGNED, s3={"addressing_style": "path"}))
    expect_error(403, "AccessDenied", anon.list_objects_v2, Bucket=BUCKET)
    bad = boto3.client("s3", endpoint_url=ENDPOINT, region_name="auto", aws_access_key_id=os.environ["AWS_ACCESS_KEY_ID"],
                       aws_secret_access_key="wrong-secret",
                       config=Config(signature_version="s3v4", s3={"addressing_style": "path"}))
    expect_error(403, "SignatureDoesNotMatch", bad.list_objects_v2, Bucket=BUCKET)
    # an error's RequestId is the x-amz-request-id header (s3-tests test_object_requestid_matches_header_on_error)
    try:
        s3.get_object(Bucket=BUCKET, Key="never/there")
    except ClientError as e:
        assert e.response["ResponseMetadata"]["RequestId"] == e.response["ResponseMetadata"]["HTTPHeaders"][
            "x-amz-request-id"]


def main():
    s3.create_bucket(Bucket=BUCKET)
    checks = [(n, f) for n, f in sorted(globals().items()) if n.startswith("check_") and callable(f)]
    failed = 0
    for name, fn in checks:
        try:
            fn()
            print("ok " + name, flush=True)
        except Exception as e:  # noqa: BLE001 - every failure is reported, the next check still runs
            failed += 1
            print("FAIL %s: %r" % (name, e), flush=True)
            traceback.print_exc(file=sys.stdout)
    print("boto3 %s botocore %s: %d checks, %d failed" % (boto3.__version__, botocore.__version__, len(checks),
                                                         failed))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
