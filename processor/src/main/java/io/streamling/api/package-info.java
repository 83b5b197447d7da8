/** Types shared by Streamling's APIs. */
package io.streamling.api;
