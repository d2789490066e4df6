// Command zoo-steps sends every case of the type zoo's values file to the zoo application through
// Centrifugo with the Go client generated from its contract (client/generated/go) over the official
// centrifuge-go SDK, subscribes to a typed channel and asks the server to publish into it; prints one
// JSON line of the same shape as zoo-steps.mjs: what came back for each case, and the publication
// received.
//
//	CENTRIFUGO_URL=ws://127.0.0.1:8000/connection/websocket CENTRIFUGO_TOKEN=<jwt> \
//	  go run . ../../src/test/resources/zoo-values.json
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"reflect"
	"regexp"
	"strings"
	"sync"
	"time"

	zooclient "example.com/zoo/client"
	"github.com/centrifugal/centrifuge-go"
)

const timeout = 8 * time.Second

type testCase struct {
	Name   string          `json:"name"`
	Method string          `json:"method"`
	Value  json.RawMessage `json:"value"`
}

type valuesFile struct {
	Cases    []testCase `json:"cases"`
	Sighting struct {
		Cage     string                     `json:"cage"`
		Sighting map[string]json.RawMessage `json:"sighting"`
	} `json:"sighting"`
}

var separators = regexp.MustCompile(`[^A-Za-z0-9]+`)

// methodName is the naming convention of the generated Go client: zoo:shape and zoo.echo become
// ZooShape and ZooEcho.
func methodName(rpc string) string {
	var name strings.Builder
	for _, word := range separators.Split(rpc, -1) {
		if word != "" {
			name.WriteString(strings.ToUpper(word[:1]) + word[1:])
		}
	}
	return name.String()
}

func failure(err error) map[string]any {
	var rpcErr *zooclient.RPCError
	if errors.As(err, &rpcErr) {
		return map[string]any{"code": rpcErr.Code, "message": rpcErr.Message, "temporary": rpcErr.Temporary, "violations": rpcErr.Violations}
	}
	return map[string]any{"error": err.Error()}
}

var (
	contextType = reflect.TypeFor[context.Context]()
	errorType   = reflect.TypeFor[error]()
)

// callCase calls the typed method of the case: the params are decoded into the method's parameter
// type with json.Unmarshal, and the typed result is written back with json.Marshal.
func callCase(client *zooclient.RPCClient, c testCase) map[string]any {
	name := methodName(c.Method)
	method := reflect.ValueOf(client).MethodByName(name)
	if !method.IsValid() {
		return map[string]any{"missingMethod": name}
	}
	kind := method.Type()
	if kind.NumIn() < 1 || kind.In(0) != contextType || kind.NumOut() < 1 || kind.Out(kind.NumOut()-1) != errorType {
		return map[string]any{"failure": map[string]any{"error": name + " is not func(ctx, [params]) ([result,] error): " + kind.String()}}
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	arguments := []reflect.Value{reflect.ValueOf(ctx)}
	if c.Value != nil {
		if kind.NumIn() != 2 {
			return map[string]any{"failure": map[string]any{"error": name + " takes no params"}}
		}
		params := reflect.New(kind.In(1))
		if err := json.Unmarshal(c.Value, params.Interface()); err != nil {
			return map[string]any{"failure": map[string]any{"error": "decode the params: " + err.Error()}}
		}
		arguments = append(arguments, params.Elem())
	}
	results := method.Call(arguments)
	if err, _ := results[len(results)-1].Interface().(error); err != nil {
		return map[string]any{"failure": failure(err)}
	}
	if len(results) == 1 {
		return map[string]any{"received": nil}
	}
	received, err := json.Marshal(results[0].Interface())
	if err != nil {
		return map[string]any{"failure": map[string]any{"error": "encode the result: " + err.Error()}}
	}
	return map[string]any{"received": json.RawMessage(received)}
}

func run(values valuesFile, output map[string]any) error {
	sdk := centrifuge.NewJsonClient(os.Getenv("CENTRIFUGO_URL"), centrifuge.Config{
		Token: os.Getenv("CENTRIFUGO_TOKEN"), Name: "centrifugo4j-zoo-it", ReadTimeout: timeout, WriteTimeout: timeout,
	})
	defer sdk.Close()
	connected := make(chan struct{}, 1)
	sdk.OnConnected(func(centrifuge.ConnectedEvent) { connected <- struct{}{} })
	if err := sdk.Connect(); err != nil {
		return err
	}
	select {
	case <-connected:
	case <-time.After(10 * time.Second):
		return errors.New("not connected within 10s")
	}
	output["connected"] = true
	client := zooclient.NewRPCClient(sdk)
	cases := map[string]any{}
	output["cases"] = cases
	for _, c := range values.Cases {
		cases[c.Name] = callCase(client, c)
	}

	// The typed channel: subscribe to the cage, then ask the server to publish a sighting into it.
	var specimen json.RawMessage
	for _, c := range values.Cases {
		if string(values.Sighting.Sighting["specimen"]) == `"`+c.Name+`"` {
			specimen = c.Value
		}
	}
	sent := map[string]json.RawMessage{}
	for key, value := range values.Sighting.Sighting {
		sent[key] = value
	}
	sent["specimen"] = specimen
	sentJSON, err := json.Marshal(map[string]any{"cage": values.Sighting.Cage, "sighting": sent})
	if err != nil {
		return err
	}
	var request zooclient.SightingRequest
	if err := json.Unmarshal(sentJSON, &request); err != nil {
		return fmt.Errorf("decode the sighting request: %w", err)
	}
	publications := make(chan zooclient.Sighting, 1)
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	subscription, err := client.SubscribeZooCage(ctx, values.Sighting.Cage, zooclient.ChannelHandlers[zooclient.Sighting]{
		OnPublication: func(data zooclient.Sighting, _ centrifuge.PublicationEvent) {
			select {
			case publications <- data:
			default: // only the first one counts; the SDK's event loop must not block
			}
		},
	})
	if err != nil {
		return err
	}
	offset, err := client.ZooSight(ctx, request)
	if err != nil {
		return fmt.Errorf("zoo.sight: %w", err)
	}
	output["sightOffset"] = offset
	select {
	case received := <-publications:
		output["publication"] = map[string]any{"data": received, "channel": subscription.Channel}
	case <-time.After(timeout):
		return errors.New("no publication within " + timeout.String())
	}
	output["sent"] = map[string]any{"sighting": request.Sighting}
	_ = subscription.Unsubscribe()

	// A cage the subscribe handler refuses: Subscribe returns the refusal.
	if _, err := client.SubscribeZooCage(ctx, "closed", zooclient.ChannelHandlers[zooclient.Sighting]{}); err == nil {
		output["closedCage"] = map[string]any{"subscribed": true}
	} else {
		output["closedCage"] = map[string]any{"refusal": failure(err)}
	}

	// A cage the subscribe handler refuses for now (a temporary error, which the SDK retries): when
	// the wait ends, Subscribe returns ctx's error with the last refusal.
	waitCtx, waitCancel := context.WithTimeout(ctx, 1500*time.Millisecond)
	defer waitCancel()
	if _, err := client.SubscribeZooCage(waitCtx, "cleaning", zooclient.ChannelHandlers[zooclient.Sighting]{}); err == nil {
		output["cleaningCage"] = map[string]any{"subscribed": true}
	} else {
		output["cleaningCage"] = map[string]any{
			"deadline": errors.Is(err, context.DeadlineExceeded), "refusal": failure(err), "error": err.Error(),
		}
	}

	reply, err := sdk.RPC(ctx, "system.contract", []byte("{}"))
	if err != nil {
		return fmt.Errorf("system.contract: %w", err)
	}
	var contract struct {
		Version string `json:"version"`
	}
	if err := json.Unmarshal(reply.Data, &contract); err != nil {
		return err
	}
	output["serverVersion"] = contract.Version
	return nil
}

func main() {
	if os.Getenv("CENTRIFUGO_URL") == "" || os.Getenv("CENTRIFUGO_TOKEN") == "" || len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: CENTRIFUGO_URL=... CENTRIFUGO_TOKEN=... go run . <zoo-values.json>")
		os.Exit(2)
	}
	content, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	var values valuesFile
	if err := json.Unmarshal(content, &values); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	output := map[string]any{"connected": false, "generatedVersion": zooclient.ContractVersion, "cases": map[string]any{}}
	var mutex sync.Mutex
	watchdog := time.AfterFunc(40*time.Second, func() {
		mutex.Lock()
		line, _ := json.Marshal(map[string]any{"timedOut": true, "connected": output["connected"]})
		fmt.Println(string(line))
		os.Exit(1)
	})
	err = run(values, output)
	if !watchdog.Stop() {
		select {} // the watchdog prints and exits
	}
	mutex.Lock()
	if err != nil {
		output["failure"] = err.Error()
	}
	line, err := json.Marshal(output)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(string(line))
}
