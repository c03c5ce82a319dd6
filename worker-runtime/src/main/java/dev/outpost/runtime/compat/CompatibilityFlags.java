package dev.outpost.runtime.compat;

import static dev.outpost.runtime.compat.CompatFlag.experimental;
import static dev.outpost.runtime.compat.CompatFlag.flag;
import static dev.outpost.runtime.compat.CompatFlag.implied;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * RT-12: the compatibility flags Outpost knows, in workerd's order (compatibility-date.capnp, workerd 1.20261117: all 205 of its flags),
 * and the two things done with them: checking an upload's date and flags (with workerd's and Cloudflare's
 * wording) and resolving a version's date and flags into the on/off map the runtime follows and exposes as
 * {@code Cloudflare.compatibilityFlags}. Flags the runtime does not act on are still accepted and reported, as
 * a worker written for Cloudflare may name them; docs/architecture.md lists which ones change behaviour here.
 */
public final class CompatibilityFlags {
    /** RT-12: switches the FormData parser between File values and (before 2021-11-03) strings. */
    public static final String FORMDATA_PARSER_SUPPORTS_FILES = "formdata_parser_supports_files";
    /** RT-12: defines the global {@code navigator} (on from 2022-03-21). */
    public static final String GLOBAL_NAVIGATOR = "global_navigator";
    /** R2-7: R2 list() honours {@code include} (on from 2022-08-04). */
    public static final String R2_LIST_HONOR_INCLUDE = "r2_list_honor_include";
    /** RT-6: the node:* built-ins (glue/NodeBuiltins); on by default from 2026-08-04, as in workerd. */
    public static final String NODEJS_COMPAT = "nodejs_compat";

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    static final List<CompatFlag> ALL = List.of(
            flag("formdata_parser_supports_files", "formdata_parser_converts_files_to_strings", "2021-11-03"),
            flag("fetch_refuses_unknown_protocols", "fetch_treats_unknown_protocols_as_http", "2021-11-10"),
            flag("html_rewriter_treats_esi_include_as_void_tag", null, null),
            flag("durable_object_fetch_requires_full_url", "durable_object_fetch_allows_relative_url", "2021-11-10"),
            flag("streams_byob_reader_detaches_buffer", "streams_byob_reader_does_not_detach_buffer", "2021-11-10"),
            flag("streams_enable_constructors", "streams_disable_constructors", "2022-11-30"),
            flag("workers_api_getters_setters_on_prototype", "workers_api_getters_setters_on_instance", "2022-01-31"),
            flag("minimal_subrequests", "no_minimal_subrequests", "2022-04-05"),
            flag("no_cots_on_external_fetch", "cots_on_external_fetch", "2022-03-08"),
            flag("url_standard", "url_original", "2022-10-31"),
            flag("global_navigator", "no_global_navigator", "2022-03-21"),
            flag("capture_async_api_throws", "do_not_capture_async_api_throws", "2022-10-31"),
            flag("r2_public_beta_bindings", "r2_internal_beta_bindings", "0000-00-00"),
            flag("durable_object_alarms", null, null),
            flag("dont_substitute_null_on_type_error", "substitute_null_on_type_error", "2022-06-01"),
            flag("transformstream_enable_standard_constructor", "transformstream_disable_standard_constructor",
                    "2022-11-30"),
            flag("r2_list_honor_include", null, "2022-08-04"),
            flag("export_commonjs_default", "export_commonjs_namespace", "2022-10-31"),
            experimental("durable_object_rename"),
            flag("web_socket_compression", "no_web_socket_compression", "2023-08-15"),
            flag("nodejs_compat", "no_nodejs_compat", "2026-08-04"),
            flag("tcp_sockets_support", null, null),
            flag("response_redirect_url_standard", "response_redirect_url_original", "2023-03-14"),
            experimental("experimental"),
            experimental("durable_object_get_existing"),
            flag("http_headers_getsetcookie", "no_http_headers_getsetcookie", "2023-03-01"),
            flag("dynamic_dispatch_tunnel_exceptions", "dynamic_dispatch_treat_exceptions_as_500", "2023-03-01"),
            experimental("service_binding_extra_handlers"),
            flag("no_cf_botmanagement_default", "cf_botmanagement_default", "2023-08-01"),
            flag("urlsearchparams_delete_has_value_arg", "no_urlsearchparams_delete_has_value_arg", "2023-07-01"),
            flag("strict_compression_checks", "no_strict_compression_checks", "2023-08-01"),
            flag("brotli_content_encoding", "no_brotli_content_encoding", "2024-04-29"),
            flag("strict_crypto_checks", "no_strict_crypto_checks", "2023-08-01"),
            experimental("rtti_api"),
            experimental("webgpu"),
            flag("crypto_preserve_public_exponent", "no_crypto_preserve_public_exponent", "2023-12-01"),
            flag("vectorize_query_metadata_optional", "vectorize_query_original", "2023-11-08"),
            experimental("unsafe_module"),
            experimental("js_rpc"),
            flag("no_global_importscripts", "global_importscripts", "2024-03-04"),
            flag("nodejs_als", "no_nodejs_als", null),
            flag("queues_json_messages", "no_queues_json_messages", "2024-03-18"),
            flag("python_workers", null, null),
            flag("fetcher_no_get_put_delete", "fetcher_has_get_put_delete", "2024-03-26"),
            flag("unwrap_custom_thenables", "no_unwrap_custom_thenables", "2024-04-01"),
            flag("rpc", "no_rpc", "2024-04-03"),
            flag("internal_stream_byob_return_view", "internal_stream_byob_return_undefined", "2024-05-13"),
            flag("blob_standard_mime_type", "blob_legacy_mime_type", "2024-06-03"),
            flag("fetch_standard_url", "fetch_legacy_url", "2024-06-03"),
            new CompatFlag("nodejs_compat_v2", "no_nodejs_compat_v2", "2026-08-04", false, List.of("nodejs_compat"),
                    "2024-09-23"),
            flag("global_fetch_strictly_public", "global_fetch_private_origin", null),
            flag("new_module_registry", "legacy_module_registry", "2026-11-17"),
            flag("cache_option_enabled", "cache_option_disabled", "2024-11-11"),
            experimental("kv_direct_binding"),
            flag("allow_custom_ports", "ignore_custom_ports", "2024-09-02"),
            experimental("increase_websocket_message_size"),
            flag("internal_writable_stream_abort_clears_queue", "internal_writable_stream_abort_does_not_clear_queue",
                    "2024-09-02"),
            experimental("python_workers_development"),
            implied("nodejs_zlib", "no_nodejs_zlib", "2024-09-23", "nodejs_compat", "nodejs_compat_v2"),
            experimental("replica_routing"),
            experimental("enable_d1_with_sessions_api"),
            flag("handle_cross_request_promise_resolution", "no_handle_cross_request_promise_resolution", "2024-10-14"),
            flag("set_tostring_tag", "do_not_set_tostring_tag", "2024-09-26"),
            flag("upper_case_all_http_methods", "no_upper_case_all_http_methods", "2024-10-14"),
            flag("python_external_packages", null, null),
            flag("disable_top_level_await_in_require", "enable_top_level_await_in_require", "2024-12-02"),
            flag("fixup-transform-stream-backpressure", "original-transform-stream-backpressure", "2024-12-16"),
            experimental("tail_worker_user_spans"),
            implied("cache_no_cache_enabled", "cache_no_cache_disabled", "2025-08-07", "cache_option_enabled"),
            implied("python_workers_20250116", "no_python_workers_20250116", "2025-09-29", "python_workers"),
            flag("request_cf_overrides_cache_rules", "no_request_cf_overrides_cache_rules", "2025-04-02"),
            experimental("memory_cache_delete"),
            flag("unique_ctx_per_invocation", null, "2025-03-10"),
            flag("queue_consumer_no_wait_for_wait_until", "queue_consumer_wait_for_wait_until", null),
            implied("nodejs_compat_populate_process_env", "nodejs_compat_do_not_populate_process_env", "2025-04-01",
                    "nodejs_compat"),
            flag("cache_api_request_cf_overrides_cache_rules", "no_cache_api_request_cf_overrides_cache_rules",
                    "2025-05-19"),
            flag("disallow_importable_env", "allow_importable_env", null),
            flag("assets_navigation_prefers_asset_serving", "assets_navigation_has_no_effect", "2025-04-01"),
            flag("cache_api_compat_flags", "no_cache_api_compat_flags", "2025-04-19"),
            experimental("python_workers_durable_objects"),
            experimental("streaming_tail_worker"),
            flag("urlpattern_standard", "urlpattern_original", "2025-05-01"),
            flag("enable_weak_ref", "disable_weak_ref", "2025-05-05"),
            flag("request_signal_passthrough", "no_request_signal_passthrough", null),
            flag("enable_navigator_language", "disable_navigator_language", "2025-05-19"),
            experimental("enable_web_file_system"),
            experimental("enable_abortsignal_rpc"),
            flag("allow_eval_during_startup", "disallow_eval_during_startup", "2025-06-01"),
            flag("enable_request_signal", "disable_request_signal", "2026-11-17"),
            experimental("connect_pass_through"),
            flag("nonclass_entrypoint_reuses_ctx_across_invocations", null, null),
            flag("bind_asynclocalstorage_snapshot_to_request", "do_not_bind_asynclocalstorage_snapshot_to-request",
                    "2025-06-16"),
            flag("throw_on_unrecognized_import_assertion", "ignore_unrecognized_import_assertion", "2025-06-16"),
            implied("python_workflows", "disable_python_workflows", "2025-09-20", "python_workers"),
            experimental("unsupported_process_actual_platform"),
            implied("enable_nodejs_process_v2", "disable_nodejs_process_v2", "2025-09-15", "nodejs_compat"),
            flag("set_event_target_this", "no_set_event_target_this", "2025-08-01"),
            flag("set_forwardable_email_full_headers", "set_forwardable_email_single_headers", "2025-08-01"),
            implied("enable_nodejs_http_modules", "disable_nodejs_http_modules", "2025-08-15", "nodejs_compat"),
            flag("pedantic_wpt", "non_pedantic_wpt", null),
            flag("expose_global_message_channel", "no_expose_global_message_channel", "2025-08-15"),
            implied("enable_nodejs_http_server_modules", "disable_nodejs_http_server_modules",
                    "2025-09-01", "enable_nodejs_http_modules"),
            flag("python_no_global_handlers", "disable_python_no_global_handlers", "2025-08-14"),
            implied("enable_nodejs_fs_module", "disable_nodejs_fs_module", "2025-09-15", "nodejs_compat"),
            implied("enable_nodejs_os_module", "disable_nodejs_os_module", "2025-09-15", "nodejs_compat"),
            flag("python_workers_force_new_vendor_path", null, "2025-08-11"),
            implied("remove_nodejs_compat_eol", "add_nodejs_compat_eol", "2025-09-01", "nodejs_compat"),
            flag("enable_validate_workflow_entrypoint", "disable_validate_workflow_entrypoint", "2025-09-20"),
            implied("python_dedicated_snapshot", "disable_python_dedicated_snapshot",
                    "2025-10-16", "python_workers_20250116"),
            experimental("typescript_strip_types"),
            implied("enable_nodejs_http2_module", "disable_nodejs_http2_module", "2025-09-01", "nodejs_compat"),
            experimental("allow_insecure_inefficient_logged_eval"),
            flag("strip_authorization_on_cross_origin_redirect", "retain_authorization_on_cross_origin_redirect",
                    "2025-09-01"),
            flag("enhanced_error_serialization", "legacy_error_serialization", "2026-04-21"),
            flag("enable_email_sending_queuing", "disable_email_sending_queuing", null),
            implied("remove_nodejs_compat_eol_v22", "add_nodejs_compat_eol_v22",
                    "2027-04-30", "remove_nodejs_compat_eol"),
            implied("remove_nodejs_compat_eol_v23", "add_nodejs_compat_eol_v23",
                    "2025-09-01", "remove_nodejs_compat_eol_v24"),
            implied("remove_nodejs_compat_eol_v24", "add_nodejs_compat_eol_v24",
                    "2028-04-30", "remove_nodejs_compat_eol"),
            implied("enable_nodejs_console_module", "disable_nodejs_console_module", "2025-09-21", "nodejs_compat"),
            implied("enable_nodejs_vm_module", "disable_nodejs_vm_module", "2025-10-01", "nodejs_compat"),
            implied("enable_nodejs_perf_hooks_module", "disable_nodejs_perf_hooks_module",
                    "2026-03-17", "nodejs_compat"),
            implied("enable_global_performance_classes", "disable_global_performance_classes", "2026-03-17",
                    "nodejs_compat"),
            implied("enable_nodejs_domain_module", "disable_nodejs_domain_module", "2025-12-04", "nodejs_compat"),
            implied("enable_nodejs_v8_module", "disable_nodejs_v8_module", "2026-03-17", "nodejs_compat"),
            implied("enable_nodejs_tty_module", "disable_nodejs_tty_module", "2026-03-17", "nodejs_compat"),
            implied("enable_nodejs_punycode_module", "disable_nodejs_punycode_module", "2025-12-04", "nodejs_compat"),
            implied("enable_nodejs_cluster_module", "disable_nodejs_cluster_module", "2025-12-04", "nodejs_compat"),
            implied("enable_nodejs_child_process_module", "disable_nodejs_child_process_module",
                    "2026-03-17", "nodejs_compat"),
            implied("enable_nodejs_worker_threads_module", "disable_nodejs_worker_threads_module",
                    "2026-03-17", "nodejs_compat"),
            implied("enable_nodejs_stream_wrap_module", "disable_nodejs_stream_wrap_module",
                    "2026-01-29", "nodejs_compat"),
            implied("enable_nodejs_wasi_module", "disable_nodejs_wasi_module", "2025-12-04", "nodejs_compat"),
            implied("enable_nodejs_dgram_module", "disable_nodejs_dgram_module", "2026-01-29", "nodejs_compat"),
            implied("enable_nodejs_inspector_module", "disable_nodejs_inspector_module", "2026-01-29", "nodejs_compat"),
            implied("enable_nodejs_trace_events_module", "disable_nodejs_trace_events_module",
                    "2025-12-04", "nodejs_compat"),
            implied("enable_nodejs_readline_module", "disable_nodejs_readline_module", "2026-03-17", "nodejs_compat"),
            implied("enable_nodejs_repl_module", "disable_nodejs_repl_module", "2026-03-17", "nodejs_compat"),
            implied("enable_nodejs_sqlite_module", "disable_nodejs_sqlite_module", "2026-01-29", "nodejs_compat"),
            flag("enable_ctx_exports", "disable_ctx_exports", "2025-11-17"),
            flag("enable_python_external_sdk", "disable_python_external_sdk", "2026-04-21"),
            flag("enable_fast_jsg_struct", "disable_fast_jsg_struct", "2025-12-03"),
            new CompatFlag("cache_reload_enabled", "cache_reload_disabled", null, true, List.of(), null),
            flag("enable_streams_nodejs_v24_compat", "disable_streams_nodejs_v24_compat", null),
            implied("python_check_rng_state", "disable_python_check_rng_state", "2025-12-16", "python_workers"),
            flag("immutable_api_prototypes", "mutable_api_prototypes", null),
            flag("fetch_iterable_type_support", "no_fetch_iterable_type_support", "2026-02-19"),
            flag("env_module_nullable_support", "no_env_module_nullable_support", null),
            new CompatFlag("precise_timers", "no_precise_timers", null, true, List.of(), null),
            implied("fetch_iterable_type_support_override_adjustment", "no_fetch_iterable_type_support_override_adjustment",
                    "2026-01-15", "fetch_iterable_type_support"),
            new CompatFlag("strip_bom_in_read_all_text", "do_not_strip_bom_in_read_all_text",
                    "2026-01-13", false, List.of("pedantic_wpt"), "2026-01-13"),
            flag("allow_irrevocable_stub_storage", null, null),
            flag("rpc_params_dup_stubs", "rpc_params_transfer_stubs", "2026-01-20"),
            implied("enable_nodejs_global_timers", "no_nodejs_global_timers", "2026-02-10", "nodejs_compat"),
            new CompatFlag("streams_no_default_auto_allocate_chunk_size", "streams_auto_allocate_chunk_size_default",
                    null, true, List.of(), null),
            implied("python_workflows_implicit_dependencies", "no_python_workflows_implicit_dependencies",
                    "2026-02-25", "python_workers"),
            flag("require_returns_default_export", "require_returns_namespace", "2026-01-22"),
            flag("python_request_headers_preserve_commas", "disable_python_request_headers_preserve_commas",
                    "2026-02-17"),
            flag("queue_expose_error_codes", "no_queue_expose_error_codes", "2026-03-12"),
            new CompatFlag("text_decoder_replace_surrogates", "disable_text_decoder_replace_surrogates",
                    "2026-02-24", false, List.of("pedantic_wpt"), "2026-02-24"),
            flag("containers_pid_namespace", "no_containers_pid_namespace", "2026-04-01"),
            flag("delete_all_deletes_alarm", "delete_all_preserves_alarm", "2026-02-24"),
            flag("unhandled_rejection_after_microtask_checkpoint", "no_unhandled_rejection_after_microtask_checkpoint",
                    "2026-03-03"),
            flag("text_decoder_cjk_decoder", "disable_text_decoder_cjk_decoder", "2026-03-03"),
            flag("websocket_close_reason_byte_limit", "no_websocket_close_reason_byte_limit", "2026-03-03"),
            experimental("enable_version_api"),
            flag("websocket_standard_binary_type", "no_websocket_standard_binary_type", "2026-03-17"),
            flag("writable_stream_spec_compliant_writer", "no_writable_stream_spec_compliant_writer", "2026-03-24"),
            flag("encoder_stream_spec_compliant_backpressure", "no_encoder_stream_spec_compliant_backpressure",
                    "2026-03-24"),
            new CompatFlag("spec_compliant_property_attributes", "no_spec_compliant_property_attributes",
                    null, true, List.of(), null),
            flag("workflows_preserve_non_retryable_error_message", "workflows_replace_non_retryable_error_message",
                    "2026-05-14"),
            flag("web_socket_auto_reply_to_close", "web_socket_manual_reply_to_close", "2026-04-07"),
            experimental("enable_ctx_version_metadata"),
            flag("no_resizable_array_buffer_in_blob", "resizable_array_buffer_in_blob", null),
            flag("diagnostics_channel_has_subscribers_getter", "no_diagnostics_channel_has_subscribers_getter",
                    "2026-05-19"),
            experimental("workflows_step_rollback"),
            flag("python_process_pth_files", "disable_python_process_pth_files", "2026-05-26"),
            flag("throw_on_not_implemented_tls_options", "no_throw_on_not_implemented_tls_options", "2026-06-16"),
            flag("auto_grpc_convert", null, null),
            flag("python_workers_20260610", "no_python_workers_20260610", null),
            experimental("enable_nodejs_inspector_local_dev"),
            experimental("d1_binding_jsrpc"),
            experimental("workflows_bindings_rpc"),
            experimental("typescript_implemented_streams"),
            experimental("expose_draining_reader"),
            flag("workflows_enable_fast_engine_creation", "workflows_disable_fast_engine_creation", "2026-08-11"),
            experimental("wasm_memory_discard"),
            implied("python_workers_314", "no_python_workers_314", "2026-09-08", "python_workers"),
            flag("spec_compliant_dispatch_exceptions", "no_spec_compliant_dispatch_exceptions", "2026-09-15"),
            new CompatFlag("auto_inject_python_workers", "no_auto_inject_python_workers", null, true, List.of(), null),
            flag("durable_object_io_tasks_prevent_eviction", "durable_object_io_tasks_do_not_prevent_eviction",
                    "2026-10-01"),
            flag("webcrypto_modern_algorithms", null, null),
            flag("wasm_esm_integration_builtins", null, null),
            flag("pipe_to_backward_propagation", "no_pipe_to_backward_propagation", "2026-11-17"),
            flag("cache_option_preserves_cache_control", "cache_option_overrides_cache_control", "2026-11-17"),
            experimental("durable_object_snapshots"),
            experimental("connect_handler_starttls"),
            experimental("offpeak_location_hint"),
            implied("python_shared_standard_library", null, "2026-11-19", "python_workers"),
            flag("wasm_source_url_support", "no_wasm_source_url_support", "2026-12-01"),
            flag("temporal", "no_temporal", "2026-12-01"),
            experimental("python_zstd_snapshot"),
            flag("nodejs_process_version_24", "no_nodejs_process_version_24", "2026-11-24"),
            experimental("r2_binding_jsrpc"),
            experimental("rpc_dispose_cancels_call"),
            experimental("expose_serialization_test_class"),
            flag("python_dedicated_snapshot_keep_import_caches", "no_python_dedicated_snapshot_keep_import_caches",
                    null));

    private static final Map<String, CompatFlag> BY_ENABLE = new HashMap<>();
    private static final Map<String, CompatFlag> BY_DISABLE = new HashMap<>();

    static {
        for (CompatFlag f : ALL) {
            BY_ENABLE.put(f.name(), f);
            if (f.disableName() != null) {
                BY_DISABLE.put(f.disableName(), f);
            }
        }
    }

    private CompatibilityFlags() {
    }

    /** The known features in workerd's order. */
    public static List<CompatFlag> known() {
        return ALL;
    }

    /**
     * Checks an upload's date and flags as Cloudflare does when a version is created; {@code today} is the UTC
     * date. Returns the errors (empty when valid), worded as workerd reports them.
     */
    public static List<String> validate(String date, List<String> flags, LocalDate today) {
        List<String> errors = new ArrayList<>();
        boolean dateValid = DATE.matcher(date).matches() && parses(date);
        if (!dateValid) {
            errors.add("Invalid compatibility date: " + date);
        } else if (LocalDate.parse(date).isAfter(today)) {
            errors.add("Can't set compatibility date in the future: " + date);
        }
        Set<String> seen = new HashSet<>();
        Map<CompatFlag, String> named = new LinkedHashMap<>();
        for (String name : flags) {
            if (!seen.add(name)) {
                errors.add("Compatibility flag specified multiple times: " + name);
                continue;
            }
            CompatFlag feature = BY_ENABLE.containsKey(name) ? BY_ENABLE.get(name) : BY_DISABLE.get(name);
            if (feature == null) {
                errors.add("No such compatibility flag: " + name);
                continue;
            }
            String other = named.putIfAbsent(feature, name);
            if (other != null) {
                errors.add("Compatibility flags are mutually contradictory: " + other + " vs " + name);
                continue;
            }
            if (feature.experimental()) {
                errors.add("The compatibility flag " + name + " is experimental and cannot be used on this platform.");
            } else if (dateValid && name.equals(feature.name()) && feature.onByDate(date)
                    && !"0000-00-00".equals(feature.enableDate())) {
                errors.add("The compatibility flag " + name + " became the default as of " + feature.enableDate()
                        + " so does not need to be specified anymore.");
            }
        }
        return errors;
    }

    /**
     * The on/off state of every known feature for a version (unknown names, which a valid upload cannot carry,
     * are ignored): date default, then the named flags, then the features other enabled flags imply.
     */
    public static Map<String, Boolean> resolve(String date, List<String> flags) {
        String effectiveDate = date == null || !DATE.matcher(date).matches() ? "0000-00-00" : date;
        Set<String> named = flags == null ? Set.of() : new HashSet<>(flags);
        Map<String, Boolean> state = new LinkedHashMap<>();
        for (CompatFlag f : ALL) {
            boolean on = f.onByDate(effectiveDate) || named.contains(f.name());
            if (f.disableName() != null && named.contains(f.disableName())) {
                on = false;
            }
            state.put(f.name(), on);
        }
        // implications can chain in either order of the list (eol_v23 <- eol_v24 <- eol): repeat until stable
        for (boolean changed = true; changed; ) {
            changed = false;
            for (CompatFlag f : ALL) {
                if (!f.impliedBy().isEmpty() && !Boolean.TRUE.equals(state.get(f.name()))
                        && !named.contains(f.disableName()) && effectiveDate.compareTo(f.impliedDate()) >= 0
                        && f.impliedBy().stream().anyMatch(n -> Boolean.TRUE.equals(state.get(n)))) {
                    state.put(f.name(), true);
                    changed = true;
                }
            }
        }
        return Collections.unmodifiableMap(state);
    }

    /** Whether {@code feature} (an enable flag name) is on for this date and these flags. */
    public static boolean enabled(String feature, String date, List<String> flags) {
        return Boolean.TRUE.equals(resolve(date, flags).get(feature));
    }

    private static boolean parses(String date) {
        try {
            LocalDate.parse(date);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
